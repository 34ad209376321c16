package cn.youguang.wechat;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** WeChat's message push; what a push must be to count is decided in {@link WeChatCallbacks}. */
@Path("/api/wechat/callback")
@PermitAll
public class WeChatCallbackResource {

    private final WeChatCallbacks callbacks;

    public WeChatCallbackResource(WeChatCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WeChat's server verification: echoes echostr when the signature is right")
    public String verify(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
                         @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        return callbacks.verifyServer(new WeChatCallbacks.Signed(signature, timestamp, nonce), echostr);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_XML, MediaType.APPLICATION_XML, MediaType.TEXT_PLAIN})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A pushed message or event (media-check verdicts); answers success")
    public String receive(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
                          @QueryParam("nonce") String nonce, @QueryParam("encrypt_type") String encryptType,
                          @QueryParam("msg_signature") String msgSignature, String body) {
        callbacks.receive(new WeChatCallbacks.Signed(signature, timestamp, nonce), "aes".equals(encryptType),
                msgSignature, body);
        return "success";
    }
}
