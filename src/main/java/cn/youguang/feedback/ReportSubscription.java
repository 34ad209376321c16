package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reporter's opt-in to status messages: the openid to send them to, encrypted, and how many messages WeChat lets
 * us send (one per accepted one-time authorization). For an anonymous report this row is the only link to a WeChat
 * identity, it is kept apart from the report, read only to send, and deleted once no authorization is left.
 */
@Entity
@Table(name = "report_subscription")
public class ReportSubscription {

    /** More than a report ever changes status: authorizations beyond it would never be used. */
    static final int MAX_AUTHORIZATIONS = 10;

    @Id
    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "openid_cipher", nullable = false, length = 300)
    private String openidCipher;

    @Column(nullable = false)
    private int authorizations;

    protected ReportSubscription() {
    }

    ReportSubscription(Long reportId, String openidCipher) {
        this.reportId = reportId;
        this.openidCipher = openidCipher;
        this.authorizations = 1;
    }

    /** One more accepted authorization of the same WeChat user. */
    void addAuthorization() {
        authorizations = Math.min(MAX_AUTHORIZATIONS, authorizations + 1);
    }

    /** Another WeChat user now follows the report: the authorizations counted were the other user's. */
    void replaceRecipient(String openidCipher) {
        this.openidCipher = openidCipher;
        this.authorizations = 1;
    }

    public Long getReportId() {
        return reportId;
    }

    public String getOpenidCipher() {
        return openidCipher;
    }

    public int getAuthorizations() {
        return authorizations;
    }
}
