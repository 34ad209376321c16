package cn.youguang.wechat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One attempt to send a subscribe message, as the console lists it. */
@Entity
@Table(name = "notification_send")
public class NotificationSend {

    public enum Status {
        SENT,
        /** 43101: the user has not (or no longer) authorized this template; WeChat allows one send per consent */
        NOT_AUTHORIZED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** null when the recipient must stay unlinked (anonymous reports) */
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "template_key", nullable = false, length = 64)
    private String templateKey;

    @Column(name = "template_id", length = 128)
    private String templateId;

    @Column(length = 200)
    private String page;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "error_code")
    private Integer errorCode;

    /** why a send failed, in our words (never WeChat's message) */
    @Column(name = "failure_reason", length = 200)
    private String failureReason;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected NotificationSend() {
    }

    NotificationSend(Long userId, String templateKey, String templateId, String page, Status status,
                     Integer errorCode, String failureReason, Instant sentAt) {
        this.userId = userId;
        this.templateKey = templateKey;
        this.templateId = templateId;
        this.page = page;
        this.status = status;
        this.errorCode = errorCode;
        this.failureReason = failureReason;
        this.sentAt = sentAt;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getTemplateKey() {
        return templateKey;
    }

    public String getTemplateId() {
        return templateId;
    }

    public String getPage() {
        return page;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getErrorCode() {
        return errorCode;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
