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

/** An image sent to WeChat's asynchronous check; the verdict arrives later on the push callback. */
@Entity
@Table(name = "media_check")
public class MediaCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "object_key", nullable = false, length = 300)
    private String objectKey;

    @Column(name = "trace_id", length = 64)
    private String traceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ModerationState state;

    private Integer label;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected MediaCheck() {
    }

    MediaCheck(String objectKey, String traceId, ModerationState state, Instant requestedAt) {
        this.objectKey = objectKey;
        this.traceId = traceId;
        this.state = state;
        this.requestedAt = requestedAt;
    }

    void decide(ModerationState verdict, Integer label, Instant at) {
        this.state = verdict;
        this.label = label;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public String getTraceId() {
        return traceId;
    }

    public ModerationState getState() {
        return state;
    }

    public Integer getLabel() {
        return label;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
