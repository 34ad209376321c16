package cn.youguang.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import cn.binarywang.wx.miniapp.util.crypt.WxMaCryptUtils;
import cn.youguang.common.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * WeChat's message push. The request is authenticated by its signature (token, timestamp, nonce); in safe mode
 * the encrypted body's msg_signature is verified before anything in it is parsed.
 */
@Path("/api/wechat/callback")
@PermitAll
public class WeChatCallbackResource {

    private static final Logger LOG = Logger.getLogger(WeChatCallbackResource.class);
    private static final String MEDIA_CHECK_EVENT = "wxa_media_check";

    private final WeChat weChat;
    private final ContentSecurity contentSecurity;
    private final ObjectMapper json;

    public WeChatCallbackResource(WeChat weChat, ContentSecurity contentSecurity, ObjectMapper json) {
        this.weChat = weChat;
        this.contentSecurity = contentSecurity;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WeChat's server verification: echoes echostr when the signature is right")
    public String verify(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
                         @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        checkSignature(signature, timestamp, nonce);
        if (echostr == null || !echostr.matches("[A-Za-z0-9_-]{1,128}")) {
            throw ProblemException.invalid("echostr", "is missing or malformed");
        }
        return echostr;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_XML, MediaType.APPLICATION_XML, MediaType.TEXT_PLAIN})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A pushed message or event (media-check verdicts); answers success")
    public String receive(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
                          @QueryParam("nonce") String nonce, @QueryParam("encrypt_type") String encryptType,
                          @QueryParam("msg_signature") String msgSignature, String body) {
        WxMaService wx = checkSignature(signature, timestamp, nonce);
        WxMaMessage message = parse(wx, body, "aes".equals(encryptType), timestamp, nonce, msgSignature);
        if (MEDIA_CHECK_EVENT.equals(message.getEvent()) && message.getTraceId() != null) {
            var result = message.getResult();
            boolean changed = contentSecurity.recordImageVerdict(message.getTraceId(),
                    result == null ? null : result.getSuggest(), result == null ? null : result.getLabel());
            LOG.debugf("media check verdict %s", changed ? "recorded" : "already known; ignored");
        }
        return "success";
    }

    private WxMaService checkSignature(String signature, String timestamp, String nonce) {
        WxMaService wx = weChat.service().orElseThrow(WeChatUnavailableException::notConfigured);
        if (signature == null || timestamp == null || nonce == null
                || !wx.checkSignature(timestamp, nonce, signature)) {
            throw ProblemException.forbidden("The request is not signed by WeChat");
        }
        return wx;
    }

    private WxMaMessage parse(WxMaService wx, String body, boolean encrypted, String timestamp, String nonce,
                              String msgSignature) {
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
                return WxMaMessage.fromEncryptedXml(body, wx.getWxMaConfig(), timestamp, nonce, msgSignature);
            }
            JsonNode envelope = json.readTree(body);
            String encrypt = envelope.path("Encrypt").asText(null);
            if (encrypt == null) {
                throw ProblemException.invalid("Encrypt", "is missing");
            }
            // fromEncryptedJson would not check msg_signature: decryptContent does, before we parse anything
            String plain = new WxMaCryptUtils(wx.getWxMaConfig()).decryptContent(msgSignature, timestamp, nonce, encrypt);
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
