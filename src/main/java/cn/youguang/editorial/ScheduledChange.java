package cn.youguang.editorial;

import cn.youguang.content.ContentRevision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A publish or unpublish due at a time; done once, by whichever instance claims it first. */
@Entity
@Table(name = "editorial_schedule")
public class ScheduledChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Version
    long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 16)
    ContentRevision.EntryType entryType;

    @Column(name = "entry_id", nullable = false)
    Long entryId;

    /** publish or unpublish */
    @Column(nullable = false, length = 16)
    String action;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;

    @Column(name = "actor_id")
    Long actorId;

    @Column(name = "done_at")
    Instant doneAt;

    @Column(length = 500)
    String outcome;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    EditorialViews.Scheduled view() {
        return new EditorialViews.Scheduled(id, action, dueAt, actorId);
    }
}
