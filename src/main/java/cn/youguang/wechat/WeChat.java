package cn.youguang.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import me.chanjar.weixin.common.error.WxErrorException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one owner of the WeChat SDK. Every call goes through {@link #call}: failures become our own exceptions
 * carrying only an operation name and WeChat's error code, because the SDK's messages can contain request URLs
 * with the app secret. The access token comes from the stable-token API, so several instances of this service
 * share one token instead of invalidating each other's.
 * <p>
 * Each operation is guarded (SmallRye Fault Tolerance): a deadline per attempt, at most one retry and only when
 * WeChat said "busy", a bulkhead so that a slow WeChat can hold at most a few request threads, and a circuit
 * breaker that stops calling a failing WeChat for a while. WxJava's own retries are off, so the two never multiply.
 */
@ApplicationScoped
public class WeChat {

    private static final Logger LOG = Logger.getLogger(WeChat.class);

    private final WeChatConfig config;
    private final Optional<WxMaService> service;
    private final Map<String, GuardedOperation> operations = new ConcurrentHashMap<>();

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

    /** The longest a caller can wait in {@link #call}: two attempts and the pause between them. */
    public Duration deadline() {
        return config.timeout().multipliedBy(2).plus(config.retrySleep());
    }

    public <T> T call(String operation, Call<T> call) {
        WxMaService wx = service.orElseThrow(WeChatUnavailableException::notConfigured);
        GuardedOperation guarded = operations.computeIfAbsent(operation, GuardedOperation::new);
        try {
            return guarded.guard.call(() -> attempt(operation, wx, call), anyResult());
        } catch (WeChatUnavailableException | WeChatErrorException e) {
            throw e;
        } catch (TimeoutException e) {
            LOG.warnf("WeChat %s: no answer within %d ms", operation, config.timeout().toMillis());
            throw WeChatUnavailableException.noAnswer(operation, retryAfterNoAnswer());
        } catch (BulkheadException e) {
            LOG.warnf("WeChat %s: %d calls already waiting; refused", operation, config.concurrency());
            throw WeChatUnavailableException.tooManyWaiting(operation, retryAfterNoAnswer());
        } catch (CircuitBreakerOpenException e) {
            throw WeChatUnavailableException.breakerOpen(operation, guarded.untilHalfOpen());
        } catch (Exception e) {
            // nothing else is thrown by attempt(); kept so a surprise cannot leak a message with the secret
            LOG.warnf("WeChat %s failed: %s", operation, e.getClass().getSimpleName());
            throw WeChatUnavailableException.noAnswer(operation, retryAfterNoAnswer());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> anyResult() {
        // a plain (synchronous) result: the guard looks at this type only to recognise asynchronous ones
        return (Class<T>) Object.class;
    }

    private <T> T attempt(String operation, WxMaService wx, Call<T> call) {
        try {
            return call.on(wx);
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            LOG.warnf("WeChat %s: errcode %d", operation, code);
            if (code == -1) {
                throw WeChatUnavailableException.busy(operation, retryAfterNoAnswer());
            }
            throw new WeChatErrorException(operation, code);
        } catch (RuntimeException e) {
            // WxRuntimeException wraps I/O failures and timeouts; other runtime exceptions (e.g. from a
            // malformed argument) may carry the request URL with the secret, so only the class is logged
            LOG.warnf("WeChat %s failed: %s", operation, e.getClass().getSimpleName());
            throw WeChatUnavailableException.noAnswer(operation, retryAfterNoAnswer());
        }
    }

    /** A slow WeChat frees a slot within one deadline: that is when a retry can first succeed. */
    private Duration retryAfterNoAnswer() {
        return Duration.ofSeconds(Math.max(1, (deadline().toMillis() + 999) / 1000));
    }

    /** The SDK's config (for callback signature and decryption); present only when configured. */
    public Optional<WxMaService> service() {
        return service;
    }

    /** One operation's guard; its breaker remembers when it opened, so a 503 can say when to come back. */
    private final class GuardedOperation {

        private final Guard guard;
        private volatile long openedAtNanos;

        GuardedOperation(String operation) {
            WeChatConfig.Breaker breaker = config.breaker();
            this.guard = Guard.create().withDescription("WeChat " + operation)
                    .withRetry().maxRetries(1).delay(config.retrySleep().toMillis(), ChronoUnit.MILLIS)
                    .whenException(e -> e instanceof WeChatUnavailableException u && u.busy()).done()
                    .withCircuitBreaker().name("wechat-" + operation)
                    .requestVolumeThreshold(breaker.requestVolume()).failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .when(e -> e instanceof TimeoutException
                            || e instanceof WeChatUnavailableException u && u.upstreamFailure())
                    .onStateChange(state -> {
                        if (state == CircuitBreakerState.OPEN) {
                            openedAtNanos = System.nanoTime();
                            LOG.warnf("WeChat %s keeps failing: calls paused for %d s", operation,
                                    breaker.delay().toSeconds());
                        }
                    }).done()
                    .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                    .withBulkhead().limit(config.concurrency()).done()
                    .build();
        }

        Duration untilHalfOpen() {
            long left = config.breaker().delay().toNanos() - (System.nanoTime() - openedAtNanos);
            return Duration.ofSeconds(Math.max(1, (Duration.ofNanos(left).toMillis() + 999) / 1000));
        }
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
        wxConfig.setApacheHttpClientBuilder(new WeChatHttpClient(config.timeout(), config.concurrency()));
        WxMaServiceImpl wx = new WxMaServiceImpl();
        wx.setWxMaConfig(wxConfig);
        // our guard retries "busy" once; the SDK's own 1+2+4+8+16 s back-off would hold a thread for 31 s
        wx.setMaxRetryTimes(0);
        return Optional.of(wx);
    }
}
