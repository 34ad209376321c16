package cn.youguang.club;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One moderation step on a post or comment, with who took it (null: the service, e.g. hidden by flags) and when. */
@Entity
@Table(name = "club_moderation_action")
public class ModerationAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "target_kind", nullable = false)
    private String targetKind;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(nullable = false)
    private String action;

    private String reason;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "acted_at", nullable = false)
    private Instant at;

    protected ModerationAction() {
    }

    ModerationAction(String targetKind, long targetId, String action, String reason, Long actorId, Instant at) {
        this.targetKind = targetKind;
        this.targetId = targetId;
        this.action = action;
        this.reason = reason;
        this.actorId = actorId;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public String getTargetKind() {
        return targetKind;
    }

    public long getTargetId() {
        return targetId;
    }

    public String getAction() {
        return action;
    }

    public String getReason() {
        return reason;
    }

    public Long getActorId() {
        return actorId;
    }

    public Instant getAt() {
        return at;
    }
}
