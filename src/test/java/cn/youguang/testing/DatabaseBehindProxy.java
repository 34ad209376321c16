package cn.youguang.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URI;
import java.util.Map;

/**
 * Puts a {@link TcpProxy} between the service and the test's PostgreSQL database, so that a test can stall or cut
 * the database's network. Tests receive the proxy in a field annotated {@link InjectDatabaseProxy}.
 */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager {

    private TcpProxy proxy;
    private String direct;

    @Override
    public Map<String, String> start() {
        String url = System.getProperty("quarkus.datasource.jdbc.url");
        URI uri = URI.create(url.substring("jdbc:".length()));
        proxy = new TcpProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        // DatabaseForTests gives the URL as a system property, which outranks a test resource's values; it is put
        // back when this application stops
        direct = url;
        System.setProperty("quarkus.datasource.jdbc.url", proxied);
        return Map.of("quarkus.datasource.jdbc.url", proxied);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(InjectDatabaseProxy.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        if (direct != null) {
            System.setProperty("quarkus.datasource.jdbc.url", direct);
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
