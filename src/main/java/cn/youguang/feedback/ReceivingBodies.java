package cn.youguang.feedback;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AppUser;
import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bodies that receive transferred supervision reports and the superior accounts bound to them. Admins keep
 * both; nothing here names a report, so no admin path links a person to one.
 */
@ApplicationScoped
public class ReceivingBodies {

    public record BodyRequest(@NotBlank @Size(max = 200) String name) {
    }

    public record Member(long id, String displayName) {
    }

    public record BodyView(long id, String name, List<Member> members) {
    }

    private final EntityManager em;
    private final SupervisionAudit audit;
    private final Clock clock;

    public ReceivingBodies(EntityManager em, SupervisionAudit audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BodyView> list() {
        return em.createQuery("select b from ReceivingBody b order by b.name", ReceivingBody.class).getResultList()
                .stream().map(this::view).toList();
    }

    @Transactional
    public BodyView create(BodyRequest request) {
        String name = request.name().strip();
        if (byName(name).isPresent()) {
            throw new ProblemException(409, "Conflict", "A receiving body is already called " + name,
                    List.of(new Problem.FieldError("name", "is taken by another body")));
        }
        ReceivingBody body = new ReceivingBody(name, clock.instant());
        em.persist(body);
        em.flush();
        return view(body);
    }

    /**
     * Binds a superior account to this body (moving it from any other). Like a grant of the inspector role it opens
     * supervision reports to a person, so it is a line of the audit chain.
     */
    @Transactional
    public BodyView bind(long adminId, long bodyId, long userId) {
        ReceivingBody body = existing(bodyId);
        AppUser user = em.find(AppUser.class, userId);
        if (user == null || user.getKind() != AccountKind.STAFF || !user.getRoles().contains(Role.SUPERIOR)) {
            throw ProblemException.invalid("userId", "is not a staff account with the superior role");
        }
        ReceivingBodyMember member = em.find(ReceivingBodyMember.class, userId);
        if (member == null) {
            em.persist(new ReceivingBodyMember(userId, bodyId));
        } else {
            member.setBodyId(bodyId);
        }
        em.flush();
        audit.record(adminId, AuditEntry.Action.BODY_BINDING, null, "superior account " + userId + " bound to body " + bodyId);
        return view(body);
    }

    /** The body a transfer names, which must exist (400 naming {@code bodyId} otherwise). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReceivingBody forTransfer(long id) {
        ReceivingBody body = em.find(ReceivingBody.class, id);
        if (body == null) {
            throw ProblemException.invalid("bodyId", "is not a receiving body");
        }
        return body;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReceivingBody> byName(String name) {
        return em.createQuery("select b from ReceivingBody b where b.name = :name", ReceivingBody.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** The body of a superior account, or {@link #NO_BODY} for one bound to none yet: an empty desk. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long bodyOf(long userId) {
        ReceivingBodyMember member = em.find(ReceivingBodyMember.class, userId);
        return member == null ? NO_BODY : member.getBodyId();
    }

    /** no body has this id (identities start at 1), so a desk narrowed to it shows nothing */
    static final long NO_BODY = 0;

    private ReceivingBody existing(long id) {
        ReceivingBody body = em.find(ReceivingBody.class, id);
        if (body == null) {
            throw ProblemException.notFound("Receiving body " + id);
        }
        return body;
    }

    private BodyView view(ReceivingBody body) {
        List<Member> members = em.createQuery("select a.id, a.displayName from ReceivingBodyMember m, AppUser a"
                        + " where a.id = m.userId and m.bodyId = :body order by a.displayName", Object[].class)
                .setParameter("body", body.getId()).getResultList().stream()
                .map(row -> new Member((Long) row[0], (String) row[1])).toList();
        return new BodyView(body.getId(), body.getName(), members);
    }
}
