package cn.youguang.editorial;

import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import cn.youguang.content.ContentEntry;
import cn.youguang.content.ContentRevision;
import cn.youguang.content.ImportTarget;
import cn.youguang.content.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The stages: draft → in_review → approved → published, plus scheduled, unpublished and archived. Review passes
 * through the configured chain of steps, each passed by its role; nobody passes a step on their own work or two
 * steps of one round; a send-back needs a comment. Every change is recorded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Workflow {

    /** One review step: its name (初审) and the role that may pass it. */
    public record Step(String name, String role) {
    }

    private final EditorialService editorial;
    private final EntryKinds kinds;
    private final Readiness readiness;
    private final EntityManager em;
    private final Clock clock;
    private final List<Step> steps;

    public Workflow(EditorialService editorial, EntryKinds kinds, Readiness readiness, EntityManager em, Clock clock,
                    EditorialConfig config) {
        this.editorial = editorial;
        this.kinds = kinds;
        this.readiness = readiness;
        this.em = em;
        this.clock = clock;
        this.steps = parse(config.reviewSteps());
    }

    static List<Step> parse(List<String> configured) {
        List<Step> steps = configured.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || !Role.STAFF.contains(s.substring(colon + 1).strip())) {
                throw new IllegalStateException("youguang.editorial.review-steps: '" + s
                        + "' must be name:role with a staff role (" + Role.STAFF + ")");
            }
            return new Step(s.substring(0, colon).strip(), s.substring(colon + 1).strip());
        }).toList();
        if (steps.isEmpty()) {
            throw new IllegalStateException("youguang.editorial.review-steps names no step");
        }
        return steps;
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * The moves {@link #transition} would consider for an entry at this stage and review step, given the caller's
     * roles: what the console offers as buttons. The transition itself still decides (a reviewer's own work, two
     * steps of one round and readiness are only known there).
     */
    public List<Stage> moves(Stage stage, EditorialViews.ReviewStep step, Set<String> roles) {
        return switch (stage) {
            case DRAFT -> List.of(Stage.IN_REVIEW, Stage.ARCHIVED);
            case UNPUBLISHED -> List.of(Stage.IN_REVIEW, Stage.DRAFT, Stage.ARCHIVED);
            case IN_REVIEW -> step != null && roles.contains(step.role()) ? List.of(Stage.APPROVED, Stage.DRAFT, Stage.ARCHIVED)
                    : roles.contains(Role.ADMIN) ? List.of(Stage.DRAFT, Stage.ARCHIVED) : List.of(Stage.ARCHIVED);
            case APPROVED -> List.of(Stage.PUBLISHED, Stage.DRAFT, Stage.ARCHIVED);
            case PUBLISHED -> List.of(Stage.UNPUBLISHED);
            case SCHEDULED -> List.of();
            case ARCHIVED -> List.of(Stage.DRAFT);
        };
    }

    public EditorialViews.Entry transition(String kindPath, long id, long actor, Set<String> roles, String toName,
                                           String comment, Long version) {
        ImportTarget<?> target = kinds.target(kindPath);
        Stage to = Stage.parse(toName);
        if (to == null) {
            throw ProblemException.invalid("to", "must be one of draft, in_review, approved, published, unpublished, archived");
        }
        ContentEntry entry = editorial.lockForChange(target, id, version);
        Stage from = entry.getStage();
        Instant now = clock.instant();
        entry.ownedByApi();
        switch (to) {
            case IN_REVIEW -> {
                allowed(from, to, from == Stage.DRAFT || from == Stage.UNPUBLISHED);
                entry.setReviewStep(0);
                entry.setStage(Stage.IN_REVIEW, now);
                record(target, entry, from, to, null, null, actor, comment);
            }
            case APPROVED -> {
                allowed(from, to, from == Stage.IN_REVIEW);
                int index = entry.getReviewStep();
                Step step = steps.get(Math.min(index, steps.size() - 1));
                if (!roles.contains(step.role())) {
                    throw forbidden("The step " + step.name() + " is passed by the role " + step.role());
                }
                if (wroteIt(target, entry, actor)) {
                    throw forbidden("You wrote or changed this entry; someone else must review it");
                }
                if (passedThisRound(target, entry, actor)) {
                    throw forbidden("You passed an earlier step of this review; each step needs another reviewer");
                }
                boolean last = index + 1 >= steps.size();
                if (last) {
                    entry.setStage(Stage.APPROVED, now);
                } else {
                    entry.setReviewStep(index + 1);
                    entry.setUpdatedAt(now);
                }
                record(target, entry, from, last ? Stage.APPROVED : Stage.IN_REVIEW, index + 1, step.name(), actor, comment);
            }
            case DRAFT -> {
                allowed(from, to, from == Stage.IN_REVIEW || from == Stage.APPROVED || from == Stage.UNPUBLISHED
                        || from == Stage.ARCHIVED);
                if (from == Stage.IN_REVIEW) {
                    Step step = steps.get(Math.min(entry.getReviewStep(), steps.size() - 1));
                    if (!roles.contains(step.role()) && !roles.contains(Role.ADMIN)) {
                        throw forbidden("Sending back at " + step.name() + " is for the role " + step.role());
                    }
                    if (comment == null || comment.isBlank()) {
                        throw new ProblemException(422, "Unprocessable Content", "comment is required when sending back",
                                List.of(new Problem.FieldError("comment", "is required when sending an entry back")));
                    }
                }
                Integer step = from == Stage.IN_REVIEW ? entry.getReviewStep() + 1 : null;
                String stepName = step == null ? null : steps.get(Math.min(entry.getReviewStep(), steps.size() - 1)).name();
                entry.setReviewStep(0);
                entry.setStage(Stage.DRAFT, now);
                record(target, entry, from, to, step, stepName, actor, comment);
            }
            case PUBLISHED -> {
                allowed(from, to, from == Stage.APPROVED);
                publish(target, entry, actor, now, comment);
            }
            case UNPUBLISHED -> {
                allowed(from, to, from == Stage.PUBLISHED);
                cancelPending(target, entry, "unpublish", "cancelled: unpublished by hand");
                editorial.rewriteForStage(target, entry, Stage.UNPUBLISHED, null, actor);
                record(target, entry, from, to, null, null, actor, comment);
            }
            case ARCHIVED -> {
                allowed(from, to, from != Stage.PUBLISHED && from != Stage.SCHEDULED && from != Stage.ARCHIVED);
                entry.setStage(Stage.ARCHIVED, now);
                record(target, entry, from, to, null, null, actor, comment);
            }
            case SCHEDULED -> throw new ProblemException(409, "Conflict",
                    "An entry is scheduled with POST .../schedule and a time",
                    List.of(new Problem.FieldError("to", "scheduled is reached through the schedule endpoint")));
        }
        em.flush();
        return view(target, entry);
    }

    /** Publishes now (or at a scheduled time), refusing with every reason the entry is not ready. */
    void publish(ImportTarget<?> target, ContentEntry entry, long actor, Instant at, String comment) {
        List<Problem.FieldError> problems = readiness.problems(entry);
        if (!problems.isEmpty()) {
            throw new ProblemException(409, "Conflict", "Not ready to publish: " + String.join("; ",
                    problems.stream().map(p -> p.field() + " " + p.message()).toList()), problems);
        }
        Stage from = entry.getStage();
        editorial.rewriteForStage(target, entry, Stage.PUBLISHED, at, actor);
        record(target, entry, from, Stage.PUBLISHED, null, null, actor, comment);
    }

    public EditorialViews.Entry schedule(String kindPath, long id, long actor, String action, Instant at, Long version) {
        ImportTarget<?> target = kinds.target(kindPath);
        if (!"publish".equals(action) && !"unpublish".equals(action)) {
            throw ProblemException.invalid("action", "must be publish or unpublish");
        }
        if (at == null || !at.isAfter(clock.instant())) {
            throw new ProblemException(422, "Unprocessable Content", "at must be a time in the future",
                    List.of(new Problem.FieldError("at", "must be a time in the future")));
        }
        ContentEntry entry = editorial.lockForChange(target, id, version);
        Stage from = entry.getStage();
        entry.ownedByApi();
        if ("publish".equals(action)) {
            allowed(from, Stage.SCHEDULED, from == Stage.APPROVED);
            entry.setStage(Stage.SCHEDULED, clock.instant());
            record(target, entry, from, Stage.SCHEDULED, null, null, actor, "publish at " + at);
        } else {
            allowed(from, Stage.UNPUBLISHED, from == Stage.PUBLISHED || from == Stage.SCHEDULED);
            entry.setUpdatedAt(clock.instant());
        }
        ScheduledChange change = new ScheduledChange();
        change.entryType = target.revisionType();
        change.entryId = entry.getId();
        change.action = action;
        change.dueAt = at;
        change.actorId = actor;
        change.createdAt = clock.instant();
        em.persist(change);
        em.flush();
        return view(target, entry);
    }

    public EditorialViews.Entry cancelSchedule(String kindPath, long id, long scheduleId, long actor, Long version) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = editorial.lockForChange(target, id, version);
        ScheduledChange change = em.find(ScheduledChange.class, scheduleId);
        if (change == null || change.entryType != target.revisionType() || !change.entryId.equals(entry.getId())
                || change.doneAt != null) {
            throw ProblemException.notFound("Pending schedule " + scheduleId + " of this entry");
        }
        change.doneAt = clock.instant();
        change.outcome = "cancelled";
        if ("publish".equals(change.action) && entry.getStage() == Stage.SCHEDULED) {
            entry.setStage(Stage.APPROVED, clock.instant());
            record(target, entry, Stage.SCHEDULED, Stage.APPROVED, null, null, actor, "schedule cancelled");
        } else {
            entry.setUpdatedAt(clock.instant());
        }
        em.flush();
        return view(target, entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EditorialViews.Transition> transitions(String kindPath, long id) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = editorial.find(target, id);
        return em.createQuery("select t from Transition t where t.entryType = :type and t.entryId = :id order by t.id",
                        Transition.class).setParameter("type", target.revisionType()).setParameter("id", entry.getId())
                .setMaxResults(1000).getResultStream().map(Transition::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditorialViews.Entry view(ImportTarget<?> target, ContentEntry entry) {
        EditorialViews.ReviewStep step = null;
        if (entry.getStage() == Stage.IN_REVIEW) {
            int index = Math.min(entry.getReviewStep(), steps.size() - 1);
            step = new EditorialViews.ReviewStep(index + 1, steps.size(), steps.get(index).name(), steps.get(index).role());
        }
        List<EditorialViews.Scheduled> pending = em.createQuery("select s from ScheduledChange s where s.entryType = :type"
                        + " and s.entryId = :id and s.doneAt is null order by s.dueAt", ScheduledChange.class)
                .setParameter("type", target.revisionType()).setParameter("id", entry.getId()).getResultStream()
                .map(ScheduledChange::view).toList();
        return editorial.view(target, entry, step, pending);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditorialViews.Entry get(String kindPath, long id) {
        ImportTarget<?> target = kinds.target(kindPath);
        return view(target, editorial.find(target, id));
    }

    void record(ImportTarget<?> target, ContentEntry entry, Stage from, Stage to, Integer step, String stepName,
                Long actor, String comment) {
        em.persist(new Transition(target.revisionType(), entry, from, to, step, stepName, actor,
                comment == null || comment.isBlank() ? null : comment.strip(), clock.instant()));
    }

    void cancelPending(ImportTarget<?> target, ContentEntry entry, String action, String outcome) {
        em.createQuery("update ScheduledChange s set s.doneAt = :now, s.outcome = :outcome where s.entryType = :type"
                        + " and s.entryId = :id and s.action = :action and s.doneAt is null")
                .setParameter("now", clock.instant()).setParameter("outcome", outcome)
                .setParameter("type", target.revisionType()).setParameter("id", entry.getId())
                .setParameter("action", action).executeUpdate();
    }

    /** The actor created the entry or saved a revision of it through the API. */
    private boolean wroteIt(ImportTarget<?> target, ContentEntry entry, long actor) {
        if (entry.getCreatedBy() != null && entry.getCreatedBy() == actor) {
            return true;
        }
        return em.createQuery("select count(r) from ContentRevision r where r.entryType = :type and r.entryId = :id"
                        + " and r.authorId = :actor", Long.class).setParameter("type", target.revisionType())
                .setParameter("id", entry.getId()).setParameter("actor", actor).getSingleResult() > 0;
    }

    /** The actor already passed a step since the entry was last submitted. */
    private boolean passedThisRound(ImportTarget<?> target, ContentEntry entry, long actor) {
        List<Transition> recent = em.createQuery("select t from Transition t where t.entryType = :type and t.entryId = :id"
                        + " order by t.id desc", Transition.class).setParameter("type", target.revisionType())
                .setParameter("id", entry.getId()).setMaxResults(steps.size() + 1).getResultList();
        for (Transition t : recent) {
            if (t.getStep() == null) {
                return false;
            }
            if (t.getActorId() != null && t.getActorId() == actor) {
                return true;
            }
        }
        return false;
    }

    private static void allowed(Stage from, Stage to, boolean ok) {
        if (!ok) {
            throw new ProblemException(409, "Conflict", "An entry cannot go from " + from.value() + " to " + to.value(),
                    List.of(new Problem.FieldError("to", "is not allowed from " + from.value())));
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of(new Problem.FieldError("to", detail)));
    }

    static ContentRevision.EntryType typeOf(ImportTarget<?> target) {
        return target.revisionType();
    }
}
