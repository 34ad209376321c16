package cn.youguang.wechat;

import cn.binarywang.wx.miniapp.bean.WxMaMediaAsyncCheckResult;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.youguang.media.ObjectStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WeChat's content checks for user-generated content before others see it (reading-club posts, comments,
 * photos). Text is checked synchronously (msgSecCheck v2); images asynchronously (mediaCheckAsync), with the
 * verdict arriving on the push callback. Whenever WeChat cannot be asked, the content waits for a moderator.
 * Confidential material (supervision reports) must never be passed here: it is not shown to anyone.
 */
@ApplicationScoped
public class ContentSecurity {

    /** Forum scene of msgSecCheck v2. */
    public static final int SCENE_FORUM = 3;
    /** Comment scene of msgSecCheck v2 (a citizen's comment on how a report was handled). */
    public static final int SCENE_COMMENT = 2;
    private static final Logger LOG = Logger.getLogger(ContentSecurity.class);
    /** the verdict arrives within 30 minutes; the URL must stay downloadable until then */
    private static final Duration CHECK_URL_LIFETIME = Duration.ofHours(1);

    private final WeChat weChat;
    private final ObjectStore store;
    private final EntityManager em;
    private final Clock clock;
    private final Event<MediaVerdict> verdicts;

    public ContentSecurity(WeChat weChat, ObjectStore store, EntityManager em, Clock clock, Event<MediaVerdict> verdicts) {
        this.weChat = weChat;
        this.store = store;
        this.em = em;
        this.clock = clock;
        this.verdicts = verdicts;
    }

    /** Result of a text check; {@code label} is WeChat's (100 normal, 20001 politics, 20002 porn, …). */
    public record TextVerdict(ModerationState state, Integer label, String traceId) {
    }

    public TextVerdict checkText(String openid, String text, int scene) {
        try {
            WxMaMsgSecCheckCheckResponse response = weChat.call("msgSecCheck", wx -> wx.getSecurityService()
                    .checkMessage(WxMaMsgSecCheckCheckRequest.builder().version("2").openid(openid).scene(scene)
                            .content(text).build()));
            if (response == null || response.getResult() == null) {
                return new TextVerdict(ModerationState.PENDING_REVIEW, null, null);
            }
            return new TextVerdict(ModerationState.fromSuggest(response.getResult().getSuggest()),
                    parseLabel(response.getResult().getLabel()), response.getTraceId());
        } catch (WeChatUnavailableException | WeChatErrorException e) {
            LOG.infof("Text check not possible (%s): content goes to manual review", e.getClass().getSimpleName());
            return new TextVerdict(ModerationState.PENDING_REVIEW, null, null);
        }
    }

    /**
     * Asks WeChat to check an image in the object store. Returns the check, PENDING until the callback delivers
     * the verdict, or PENDING_REVIEW at once when WeChat cannot be asked.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public MediaCheck requestImageCheck(String openid, String objectKey) {
        Instant now = clock.instant();
        String url = store.presignedGet(objectKey, CHECK_URL_LIFETIME);
        String traceId = null;
        ModerationState state = ModerationState.PENDING;
        try {
            WxMaMediaAsyncCheckResult result = weChat.call("mediaCheckAsync", wx -> wx.getSecurityService()
                    .mediaCheckAsync(WxMaMediaSecCheckCheckRequest.builder().mediaUrl(url).mediaType(2).version(2)
                            .openid(openid).scene(SCENE_FORUM).build()));
            traceId = result == null ? null : result.getTraceId();
        } catch (WeChatUnavailableException | WeChatErrorException e) {
            LOG.infof("Image check not possible (%s): image goes to manual review", e.getClass().getSimpleName());
        }
        if (traceId == null || traceId.isBlank()) {
            traceId = null;
            state = ModerationState.PENDING_REVIEW;
        }
        MediaCheck check = new MediaCheck(objectKey, traceId, state, now);
        // the row is written after WeChat answered: no connection is held while waiting for it
        QuarkusTransaction.requiringNew().run(() -> em.persist(check));
        return check;
    }

    /**
     * Records a verdict pushed by WeChat. WeChat may push the same event more than once: a check that already has
     * its verdict is left alone. Returns whether anything changed.
     */
    @Transactional
    public boolean recordImageVerdict(String traceId, String suggest, String label) {
        Optional<MediaCheck> check = em.createQuery("select c from MediaCheck c where c.traceId = :trace", MediaCheck.class)
                .setParameter("trace", traceId).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (check.isEmpty()) {
            LOG.infof("Media check verdict for an unknown trace id; ignored");
            return false;
        }
        if (check.get().getState() != ModerationState.PENDING) {
            return false;
        }
        check.get().decide(ModerationState.fromSuggest(suggest), parseLabel(label), clock.instant());
        // observers (the reading club's images) update in this transaction: the verdict and its effect commit together
        verdicts.fire(new MediaVerdict(check.get().getId(), check.get().getObjectKey(), check.get().getState(),
                check.get().getLabel()));
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaCheck> imageCheck(long id) {
        return Optional.ofNullable(em.find(MediaCheck.class, id));
    }

    private static Integer parseLabel(String label) {
        try {
            return label == null ? null : Integer.valueOf(label.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
