package cn.youguang.readcache;

import cn.youguang.common.PublicReplies;
import cn.youguang.content.ContentChanged;
import cn.youguang.content.EntryKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns each change of the public face into the read-cache tags it affects, exactly: the entry's own detail, the
 * lists of its kind, and the details that show it (a story's collections and linked videos, a video's stories).
 * The tags go into the change log inside the writing transaction, so the other instances learn of the change
 * exactly when it commits; this instance drops the replies right after the commit.
 */
@ApplicationScoped
public class ChangeLog {

    private final EntityManager em;
    private final PublicReplies replies;
    private final PublishedSchedule schedule;
    private final TransactionSynchronizationRegistry transactions;

    public ChangeLog(EntityManager em, PublicReplies replies, PublishedSchedule schedule,
                     TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.replies = replies;
        this.schedule = schedule;
        this.transactions = transactions;
    }

    void onChange(@Observes ContentChanged change) {
        Set<String> tags = tagsOf(change.kind(), change.id());
        // stamped by the database's clock, as the pollers read it
        em.createNativeQuery("insert into public_change (tags, changed_at) values (?1, current_timestamp)")
                .setParameter(1, String.join(" ", tags)).executeUpdate();
        if (transactions.getTransactionKey() == null) {
            dropLocally(tags);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dropLocally(tags);
                }
            }
        });
    }

    void dropLocally(Set<String> tags) {
        schedule.forget();
        replies.invalidate(tags);
    }

    Set<String> tagsOf(EntryKind kind, long id) {
        Set<String> tags = new LinkedHashSet<>();
        switch (kind) {
            case STORY -> {
                tags.addAll(List.of("story:" + id, "stories", "collections", "tags"));
                ids("select collection_id from collection_entry where story_id = ?1", id).forEach(c -> tags.add("collection:" + c));
                ids("select video_id from video_story where story_id = ?1", id).forEach(v -> tags.add("video:" + v));
            }
            case ARTICLE -> tags.addAll(List.of("article:" + id, "articles", "tags"));
            case COLLECTION -> tags.addAll(List.of("collection:" + id, "collections"));
            case VIDEO -> {
                tags.addAll(List.of("video:" + id, "videos", "tags"));
                ids("select story_id from video_story where video_id = ?1", id).forEach(s -> tags.add("story:" + s));
            }
        }
        return tags;
    }

    private List<Long> ids(String sql, long id) {
        return em.createNativeQuery(sql).setParameter(1, id).getResultStream().map(n -> ((Number) n).longValue()).toList();
    }
}
