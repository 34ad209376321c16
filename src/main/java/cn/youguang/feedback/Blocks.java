package cn.youguang.feedback;

import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The block list admins keep against abuse. A blocked submitter is not told: their reports are kept but held out
 * of every queue (the FixMyStreet practice), so they have no reason to switch accounts.
 */
@ApplicationScoped
public class Blocks {

    public record BlockRequest(Long userId, @Size(max = 64) String ip,
                               @NotBlank @Size(max = 200, message = "must be 1-200 characters") String reason) {
    }

    /** A block as the console lists it. */
    public record Block(long id, Long userId, String ip, String reason, Instant createdAt) {
        static Block of(BlockEntry e) {
            return new Block(e.getId(), e.getUserId(), e.getIp(), e.getReason(), e.getCreatedAt());
        }
    }

    private final EntityManager em;
    private final Clock clock;

    public Blocks(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean blocked(Long userId, String ip) {
        return em.createQuery("select count(b) from BlockEntry b where (b.userId is not null and b.userId = :user)"
                        + " or (b.ip is not null and b.ip = :ip)", Long.class)
                .setParameter("user", userId == null ? -1L : userId).setParameter("ip", ip == null ? "" : ip)
                .getSingleResult() > 0;
    }

    @Transactional
    public Block add(long adminId, BlockRequest request) {
        if ((request.userId() == null) == (request.ip() == null || request.ip().isBlank())) {
            throw ProblemException.invalid("userId", "or ip: exactly one must be given");
        }
        BlockEntry entry = new BlockEntry(request.userId(), request.ip() == null ? null : request.ip().strip(),
                request.reason().strip(), adminId, clock.instant());
        em.persist(entry);
        return Block.of(entry);
    }

    @Transactional
    public void remove(long id) {
        BlockEntry entry = em.find(BlockEntry.class, id);
        if (entry == null) {
            throw ProblemException.notFound("Block " + id);
        }
        em.remove(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Block> all() {
        return em.createQuery("select b from BlockEntry b order by b.createdAt desc", BlockEntry.class).setMaxResults(500)
                .getResultStream().map(Block::of).toList();
    }
}
