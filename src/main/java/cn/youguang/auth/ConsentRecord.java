package cn.youguang.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** That a person agreed to one sensitive use (PIPL Art. 29), when, and under which version of the privacy guide. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    /** The sensitive items that need their own consent. */
    public enum Item {
        /** the exact place of a street report */
        LOCATION,
        /** binding the WeChat phone number to the account */
        PHONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "report_id")
    private Long reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Item item;

    @Column(name = "guide_version", nullable = false, length = 32)
    private String guideVersion;

    @Column(name = "agreed_at", nullable = false)
    private Instant agreedAt;

    protected ConsentRecord() {
    }

    ConsentRecord(Long userId, Long reportId, Item item, String guideVersion, Instant agreedAt) {
        this.userId = userId;
        this.reportId = reportId;
        this.item = item;
        this.guideVersion = guideVersion;
        this.agreedAt = agreedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getReportId() {
        return reportId;
    }

    public Item getItem() {
        return item;
    }

    public String getGuideVersion() {
        return guideVersion;
    }

    public Instant getAgreedAt() {
        return agreedAt;
    }
}
