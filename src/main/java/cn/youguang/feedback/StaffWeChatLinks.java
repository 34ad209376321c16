package cn.youguang.feedback;

import cn.youguang.auth.AppUser;
import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.common.Hashes;
import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets a dispatcher or handler receive reminders in WeChat: in the console they ask for a one-time code (10 minutes,
 * only its hash kept) and redeem it in the mini-program, signed in with their own WeChat. Only the person can link
 * their account, and the openid is stored encrypted, used for nothing but sending them reminders.
 */
@ApplicationScoped
public class StaffWeChatLinks {

    public record LinkCode(String code, Instant expiresAt) {
    }

    public record LinkState(boolean linked, Instant linkedAt) {
    }

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final EntityManager em;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StaffWeChatLinks(EntityManager em, PersonalDataCipher cipher, Clock clock) {
        this.em = em;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public LinkCode newCode(long staffId) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant expires = clock.instant().plus(CODE_LIFETIME);
        StaffWeChatLink link = em.find(StaffWeChatLink.class, staffId);
        if (link == null) {
            link = new StaffWeChatLink(staffId);
            em.persist(link);
        }
        link.awaitCode(Hashes.sha256Hex(code.toString()), expires);
        return new LinkCode(code.toString(), expires);
    }

    /** The signed-in WeChat user redeems a code: the staff account that issued it is linked to this WeChat. */
    @Transactional
    public LinkState redeem(long wechatUserId, String code) {
        String hash = Hashes.sha256Hex(code.strip().toUpperCase(java.util.Locale.ROOT));
        Instant now = clock.instant();
        StaffWeChatLink link = em.createQuery("select l from StaffWeChatLink l where l.codeHash = :hash",
                        StaffWeChatLink.class).setParameter("hash", hash).getResultStream().findFirst()
                .filter(l -> l.getCodeExpiresAt() != null && l.getCodeExpiresAt().isAfter(now))
                .orElseThrow(() -> ProblemException.invalid("code", "is not a valid link code, or it expired"));
        AppUser wechat = em.find(AppUser.class, wechatUserId);
        if (wechat == null || wechat.getOpenid() == null) {
            throw ProblemException.invalid("code", "can only be redeemed signed in with WeChat");
        }
        link.link(wechatUserId, cipher.encrypt(wechat.getOpenid()), now);
        return new LinkState(true, now);
    }

    @Transactional
    public LinkState unlink(long staffId) {
        StaffWeChatLink link = em.find(StaffWeChatLink.class, staffId);
        if (link != null) {
            em.remove(link);
        }
        return new LinkState(false, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkState state(long staffId) {
        StaffWeChatLink link = em.find(StaffWeChatLink.class, staffId);
        return link == null || link.getOpenidCipher() == null ? new LinkState(false, null)
                : new LinkState(true, link.getLinkedAt());
    }

    /** The openid to send a staff member reminders to, if they linked one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> openidOf(long staffId) {
        StaffWeChatLink link = em.find(StaffWeChatLink.class, staffId);
        return link == null || link.getOpenidCipher() == null ? Optional.empty()
                : Optional.of(cipher.decrypt(link.getOpenidCipher()));
    }
}
