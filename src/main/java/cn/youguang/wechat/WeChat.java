package cn.youguang.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import jakarta.enterprise.context.ApplicationScoped;
import me.chanjar.weixin.common.error.WxErrorException;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The one owner of the WeChat SDK. Every call goes through {@link #call}: failures become our own exceptions
 * carrying only an operation name and WeChat's error code, because the SDK's messages can contain request URLs
 * with the app secret. The access token comes from the stable-token API, so several instances of this service
 * share one token instead of invalidating each other's.
 */
@ApplicationScoped
public class WeChat {

    private static final Logger LOG = Logger.getLogger(WeChat.class);

    private final WeChatConfig config;
    private final Optional<WxMaService> service;

    public WeChat(WeChatConfig config) {
        this.config = config;
        this.service = create(config);
        if (service.isEmpty()) {
            LOG.info("WeChat is not configured (no YOUGUANG_WECHAT_APP_ID/SECRET): WeChat features answer 503");
        }
    }

    @FunctionalInterface
    public interface Call<T> {
        T on(WxMaService service) throws WxErrorException;
    }

    public WeChatConfig config() {
        return config;
    }

    public <T> T call(String operation, Call<T> call) {
        WxMaService wx = service.orElseThrow(WeChatUnavailableException::notConfigured);
        try {
            return call.on(wx);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            LOG.warnf("WeChat %s: errcode %d", operation, code);
            if (code == -1) {
                throw WeChatUnavailableException.unreachable(operation);
            }
            throw new WeChatErrorException(operation, code);
        } catch (RuntimeException e) {
            // WxRuntimeException wraps I/O failures and timeouts; other runtime exceptions (e.g. from a
            // malformed argument) may carry the request URL with the secret, so only the class is logged
            LOG.warnf("WeChat %s failed: %s", operation, e.getClass().getSimpleName());
            throw WeChatUnavailableException.unreachable(operation);
        }
    }

    /** The SDK's config (for callback signature and decryption); present only when configured. */
    public Optional<WxMaService> service() {
        return service;
    }

    private static Optional<WxMaService> create(WeChatConfig config) {
        if (config.appId().filter(s -> !s.isBlank()).isEmpty() || config.secret().filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        WxMaDefaultConfigImpl wxConfig = new WxMaDefaultConfigImpl();
        wxConfig.setAppid(config.appId().get());
        wxConfig.setSecret(config.secret().get());
        config.token().ifPresent(wxConfig::setToken);
        config.aesKey().ifPresent(wxConfig::setAesKey);
        wxConfig.setMsgDataFormat(config.msgDataFormat());
        config.apiHostUrl().filter(s -> !s.isBlank()).ifPresent(wxConfig::setApiHostUrl);
        wxConfig.useStableAccessToken(true);
        wxConfig.setApacheHttpClientBuilder(new WeChatHttpClient(config.timeout()));
        WxMaServiceImpl wx = new WxMaServiceImpl();
        wx.setWxMaConfig(wxConfig);
        wx.setRetrySleepMillis((int) config.retrySleep().toMillis());
        return Optional.of(wx);
    }
}
