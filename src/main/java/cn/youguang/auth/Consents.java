package cn.youguang.auth;

import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Separate consent for sensitive personal information (PIPL Art. 28–29): precise location and the phone number.
 * The request that uses the item carries the privacy-guide version the person has just agreed to; a missing or
 * older version is refused with a 422 naming {@code consentVersion}, which is how the client learns to ask again
 * after the guide changed. What was agreed is recorded with the version and the time.
 */
@ApplicationScoped
public class Consents {

    /** One consent as its owner sees it; {@code current} is false once the guide has a newer version. */
    public record Consent(String item, String guideVersion, java.time.Instant agreedAt, Long reportId, boolean current) {
    }

    public static final String FIELD = "consentVersion";

    private final EntityManager em;
    private final PersonalDataConfig config;
    private final Clock clock;

    public Consents(EntityManager em, PersonalDataConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public String guideVersion() {
        return config.guideVersion();
    }

    /** Refuses the request unless it carries consent under the guide in force; writes nothing. */
    public void require(String presentedVersion) {
        if (presentedVersion == null || presentedVersion.isBlank()) {
            throw refused("is required: show the privacy guide version " + config.guideVersion() + " and ask for consent");
        }
        if (!config.guideVersion().equals(presentedVersion)) {
            throw refused("is " + presentedVersion + " but the privacy guide in force is " + config.guideVersion()
                    + ": ask for consent again");
        }
    }

    /** Records the consent the request carried (checked with {@link #require} before anything was written). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long userId, Long reportId, ConsentRecord.Item item) {
        em.persist(new ConsentRecord(userId, reportId, item, config.guideVersion(), clock.instant()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> of(long userId) {
        return em.createQuery("select c from ConsentRecord c where c.userId = :user order by c.agreedAt desc, c.id desc",
                        ConsentRecord.class).setParameter("user", userId).getResultStream()
                .map(c -> new Consent(c.getItem().name().toLowerCase(java.util.Locale.ROOT), c.getGuideVersion(),
                        c.getAgreedAt(), c.getReportId(), c.getGuideVersion().equals(config.guideVersion())))
                .toList();
    }

    private static ProblemException refused(String message) {
        return new ProblemException(422, "Consent required", FIELD + " " + message,
                List.of(new Problem.FieldError(FIELD, message)));
    }
}
