package cn.youguang.auth;

import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import cn.youguang.common.RoleChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Separation of duties for the inspector role: no account is both admin and inspector; an admin may only ask for
 * an account to become an inspector, and an existing inspector confirms (two people); the first inspector is made
 * by the server command {@code grant-inspector}. Every grant and removal becomes a line in the audit chain.
 */
@ApplicationScoped
public class InspectorGrants {

    /** A grant as inspectors see it. */
    public record Pending(long id, long userId, String username, String displayName, long requestedBy,
                          Instant requestedAt) {
    }

    private final EntityManager em;
    private final UserRepository users;
    private final Event<RoleChanged> changed;
    private final Clock clock;

    public InspectorGrants(EntityManager em, UserRepository users, Event<RoleChanged> changed, Clock clock) {
        this.em = em;
        this.users = users;
        this.changed = changed;
        this.clock = clock;
    }

    /** Refuses a role set that joins admin and inspector. */
    static void checkSeparation(java.util.Set<String> roles) {
        if (roles.contains(Role.ADMIN) && roles.contains(Role.INSPECTOR)) {
            throw new ProblemException(409, "Conflict", "No account may be both admin and inspector",
                    List.of(new cn.youguang.common.Problem.FieldError("roles", "cannot hold both admin and inspector")));
        }
        // the receiving body's reviewer sees its body's reports and nothing of this bureau's work
        if (roles.contains(Role.SUPERIOR) && roles.size() > 1) {
            throw new ProblemException(409, "Conflict", "A superior account holds no other role",
                    List.of(new cn.youguang.common.Problem.FieldError("roles", "superior cannot be combined with another role")));
        }
    }

    /** An admin asks for an account to become an inspector; nothing changes until an inspector confirms. */
    @Transactional
    void request(long adminId, AppUser user) {
        boolean alreadyPending = !em.createQuery("select g.id from RoleGrant g where g.userId = :user "
                        + "and g.role = :role and g.confirmedAt is null", Long.class)
                .setParameter("user", user.getId()).setParameter("role", Role.INSPECTOR).getResultList().isEmpty();
        if (!alreadyPending) {
            em.persist(new RoleGrant(user.getId(), Role.INSPECTOR, adminId, clock.instant()));
        }
    }

    /** The inspector role taken away (by an admin, or by making the account an admin). */
    @Transactional
    void removed(long actorId, AppUser user) {
        changed.fire(new RoleChanged(actorId, user.getId(), Role.INSPECTOR, false, null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pending> pending() {
        return em.createQuery("select g from RoleGrant g where g.confirmedAt is null order by g.requestedAt, g.id",
                RoleGrant.class).setMaxResults(200).getResultList().stream().map(g -> {
                    AppUser user = users.findById(g.getUserId());
                    return new Pending(g.getId(), g.getUserId(), user.getUsername(), user.getDisplayName(),
                            g.getRequestedBy(), g.getRequestedAt());
                }).toList();
    }

    /** An existing inspector confirms a grant: the account becomes an inspector. */
    @Transactional
    public void confirm(long inspectorId, long grantId) {
        RoleGrant grant = em.find(RoleGrant.class, grantId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (grant == null || !grant.isPending()) {
            throw ProblemException.notFound("Pending role grant " + grantId);
        }
        if (grant.getUserId() == inspectorId || grant.getRequestedBy() == inspectorId) {
            throw ProblemException.conflict("A grant needs a second person: you cannot confirm your own");
        }
        AppUser user = users.findById(grant.getUserId());
        if (user == null || user.getKind() != AccountKind.STAFF || user.isDisabled()) {
            throw ProblemException.conflict("The account no longer exists, is disabled or is not a console account");
        }
        java.util.Set<String> roles = new java.util.TreeSet<>(user.getRoles());
        roles.add(Role.INSPECTOR);
        checkSeparation(roles);
        user.setRoles(roles);
        user.setUpdatedAt(clock.instant());
        grant.confirm(inspectorId, clock.instant());
        changed.fire(new RoleChanged(grant.getRequestedBy(), user.getId(), Role.INSPECTOR, true, inspectorId));
    }

    /** The server command: makes a console account an inspector without a second person (the first inspector). */
    @Transactional
    public void grantByServer(String username) {
        AppUser user = users.findStaff(username.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("No console account named " + username));
        if (user.isDisabled()) {
            throw new IllegalArgumentException("The account " + username + " is disabled");
        }
        java.util.Set<String> roles = new java.util.TreeSet<>(user.getRoles());
        roles.add(Role.INSPECTOR);
        try {
            checkSeparation(roles);
        } catch (ProblemException e) {
            throw new IllegalArgumentException("The account " + username + " is an admin; an admin cannot be an inspector");
        }
        if (user.getRoles().contains(Role.INSPECTOR)) {
            return;
        }
        user.setRoles(roles);
        user.setUpdatedAt(clock.instant());
        changed.fire(new RoleChanged(RoleChanged.SERVER_COMMAND, user.getId(), Role.INSPECTOR, true, null));
    }
}
