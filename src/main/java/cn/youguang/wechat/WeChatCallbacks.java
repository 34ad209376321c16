package cn.youguang.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import cn.binarywang.wx.miniapp.util.crypt.WxMaCryptUtils;
import cn.youguang.common.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * WeChat's message push: who sent it (signature over token, timestamp and nonce), whether it is fresh (at most
 * five minutes old, its nonce never seen before on any instance), what it says (in safe mode the encrypted body's
 * msg_signature is verified before anything in it is parsed), and what it changes.
 */
@ApplicationScoped
public class WeChatCallbacks {

    /** How old a push may be; its nonce is remembered twice as long. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(WeChatCallbacks.class);
    private static final String MEDIA_CHECK_EVENT = "wxa_media_check";

    /** The signed parameters of one push. */
    public record Signed(String signature, String timestamp, String nonce) {
    }

    private final WeChat weChat;
    private final ContentSecurity contentSecurity;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Clock clock;

    public WeChatCallbacks(WeChat weChat, ContentSecurity contentSecurity, ObjectMapper json, EntityManager em,
                           Clock clock) {
        this.weChat = weChat;
        this.contentSecurity = contentSecurity;
        this.json = json;
        this.em = em;
        this.clock = clock;
    }

    /** WeChat's server verification: the echo, when the request is signed and fresh. */
    public String verifyServer(Signed signed, String echostr) {
        checkSignature(signed);
        if (echostr == null || !echostr.matches("[A-Za-z0-9_-]{1,128}")) {
            throw ProblemException.invalid("echostr", "is missing or malformed");
        }
        return echostr;
    }

    /**
     * Handles one pushed message. Its nonce is stored in the same transaction as what the message changes, so a
     * push that failed here may be retried by WeChat, and one that succeeded cannot be replayed.
     */
    @Transactional
    public void receive(Signed signed, boolean encrypted, String msgSignature, String body) {
        WxMaService wx = checkSignature(signed);
        WxMaMessage message = parse(wx, body, encrypted, signed, msgSignature);
        rememberNonce(signed.nonce());
        if (MEDIA_CHECK_EVENT.equals(message.getEvent()) && message.getTraceId() != null) {
            var result = message.getResult();
            boolean changed = contentSecurity.recordImageVerdict(message.getTraceId(),
                    result == null ? null : result.getSuggest(), result == null ? null : result.getLabel());
            LOG.debugf("media check verdict %s", changed ? "recorded" : "already known; ignored");
        }
    }

    private WxMaService checkSignature(Signed signed) {
        WxMaService wx = weChat.service().orElseThrow(WeChatUnavailableException::notConfigured);
        if (signed.signature() == null || signed.timestamp() == null || signed.nonce() == null
                || signed.nonce().length() > 64 || !wx.checkSignature(signed.timestamp(), signed.nonce(), signed.signature())) {
            throw ProblemException.forbidden("The request is not signed by WeChat");
        }
        Instant now = clock.instant();
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(signed.timestamp()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw ProblemException.forbidden("The request's timestamp is not a time");
        }
        if (Duration.between(sent, now).abs().compareTo(MAX_AGE) > 0) {
            throw ProblemException.forbidden("The request is more than five minutes old or from the future");
        }
        return wx;
    }

    private void rememberNonce(String nonce) {
        Instant now = clock.instant();
        em.createNativeQuery("delete from wechat_callback_nonce where received_at < ?1")
                .setParameter(1, now.minus(MAX_AGE.multipliedBy(2))).executeUpdate();
        int stored = em.createNativeQuery("insert into wechat_callback_nonce (nonce, received_at) values (?1, ?2) "
                + "on conflict do nothing").setParameter(1, nonce).setParameter(2, now).executeUpdate();
        if (stored == 0) {
            throw ProblemException.forbidden("This push was already received (its nonce is used)");
        }
    }

    private WxMaMessage parse(WxMaService wx, String body, boolean encrypted, Signed signed, String msgSignature) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "is empty");
        }
        boolean xml = body.stripLeading().startsWith("<");
        try {
            if (!encrypted) {
                return xml ? WxMaMessage.fromXml(body) : WxMaMessage.fromJson(body);
            }
            if (msgSignature == null) {
                throw ProblemException.forbidden("The encrypted message carries no msg_signature");
            }
            if (xml) {
                // fromEncryptedXml checks msg_signature itself
                return WxMaMessage.fromEncryptedXml(body, wx.getWxMaConfig(), signed.timestamp(), signed.nonce(),
                        msgSignature);
            }
            JsonNode envelope = json.readTree(body);
            String encrypt = envelope.path("Encrypt").asText(null);
            if (encrypt == null) {
                throw ProblemException.invalid("Encrypt", "is missing");
            }
            // fromEncryptedJson would not check msg_signature: decryptContent does, before we parse anything
            String plain = new WxMaCryptUtils(wx.getWxMaConfig()).decryptContent(msgSignature, signed.timestamp(),
                    signed.nonce(), encrypt);
            return WxMaMessage.fromJson(plain);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            // a failed signature check or a malformed body; WxJava's message is not for the caller
            LOG.warnf("Rejected a callback body (%s)", e.getClass().getSimpleName());
            throw ProblemException.forbidden("The message could not be verified or read");
        }
    }
}
