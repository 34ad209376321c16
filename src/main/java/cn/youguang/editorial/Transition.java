package cn.youguang.editorial;

import cn.youguang.content.ContentEntry;
import cn.youguang.content.ContentRevision;
import cn.youguang.content.Stage;
import cn.youguang.content.StageConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One stage change of an entry: who, when, from, to, at which review step, and why. Never changed afterwards. */
@Entity
@Table(name = "editorial_transition")
public class Transition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 16)
    private ContentRevision.EntryType entryType;

    @Column(name = "entry_id", nullable = false)
    private Long entryId;

    @Convert(converter = StageConverter.class)
    @Column(name = "from_stage", nullable = false, length = 16)
    private Stage from;

    @Convert(converter = StageConverter.class)
    @Column(name = "to_stage", nullable = false, length = 16)
    private Stage to;

    /** The review step passed (1-based), for approvals. */
    private Integer step;

    @Column(name = "step_name", length = 32)
    private String stepName;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(length = 2000)
    private String comment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Transition() {
    }

    Transition(ContentRevision.EntryType type, ContentEntry entry, Stage from, Stage to, Integer step, String stepName,
               Long actorId, String comment, Instant at) {
        this.entryType = type;
        this.entryId = entry.getId();
        this.from = from;
        this.to = to;
        this.step = step;
        this.stepName = stepName;
        this.actorId = actorId;
        this.comment = comment;
        this.createdAt = at;
    }

    EditorialViews.Transition view() {
        return new EditorialViews.Transition(id, from.value(), to.value(), step, stepName, actorId, comment, createdAt);
    }

    public Long getActorId() {
        return actorId;
    }

    public Stage getTo() {
        return to;
    }

    public Integer getStep() {
        return step;
    }
}
