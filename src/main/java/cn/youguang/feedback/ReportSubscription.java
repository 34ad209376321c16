package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reporter's opt-in to status messages: the openid to send them to, encrypted. For an anonymous report this row
 * is the only link to a WeChat identity, it is kept apart from the report, and it is read only to send.
 */
@Entity
@Table(name = "report_subscription")
public class ReportSubscription {

    @Id
    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "openid_cipher", nullable = false, length = 300)
    private String openidCipher;

    protected ReportSubscription() {
    }

    ReportSubscription(Long reportId, String openidCipher) {
        this.reportId = reportId;
        this.openidCipher = openidCipher;
    }

    public Long getReportId() {
        return reportId;
    }

    public String getOpenidCipher() {
        return openidCipher;
    }
}
