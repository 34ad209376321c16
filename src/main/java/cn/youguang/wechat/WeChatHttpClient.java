package cn.youguang.wechat;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

import java.time.Duration;

/**
 * The HTTP client WxJava uses, with our timeouts. The library's default builder is a JVM-wide singleton that is
 * frozen after its first use, so its timeouts cannot be set per service.
 */
final class WeChatHttpClient implements ApacheHttpClientBuilder {

    private final Duration timeout;
    private final int concurrency;

    WeChatHttpClient(Duration timeout, int concurrency) {
        this.timeout = timeout;
        this.concurrency = concurrency;
    }

    @Override
    public CloseableHttpClient build() {
        int millis = (int) timeout.toMillis();
        RequestConfig config = RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis).build();
        // our guard retries "system busy" once; transport retries would only multiply the wait. The bulkheads
        // bound the calls per operation, so the pool has room for a few operations at once.
        return HttpClients.custom().setDefaultRequestConfig(config).disableAutomaticRetries()
                .setMaxConnPerRoute(4 * concurrency).setMaxConnTotal(4 * concurrency).useSystemProperties().build();
    }

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        return this;
    }
}
