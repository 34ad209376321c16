package cn.youguang.testing;

import cn.youguang.media.EmbeddedS3Server;
import cn.youguang.media.StorageConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URI;
import java.util.Map;

/**
 * An S3 server process of the test's own with a {@link TcpProxy} in front, given to the service as its object store:
 * a test can cut its connections or take it "down". Tests receive the proxy in a field annotated
 * {@link InjectObjectStoreProxy}.
 */
public class ObjectStoreBehindProxy implements QuarkusTestResourceLifecycleManager {

    private EmbeddedS3Server s3;
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        StorageConfig.Embedded embedded = ConfigStubs.of(StorageConfig.Embedded.class, Map.of(
                "enabled", true, "jar", "target/s3proxy/s3proxy.jar", "basedir", "target/proxied-objects", "port", 0));
        s3 = new EmbeddedS3Server(ConfigStubs.of(StorageConfig.class, Map.of("embedded", embedded)), "target/proxied-s3");
        EmbeddedS3Server.Endpoint endpoint = s3.start();
        URI direct = URI.create(endpoint.url());
        proxy = new TcpProxy(direct.getHost(), direct.getPort());
        return Map.of("youguang.storage.endpoint", "http://127.0.0.1:" + proxy.port(),
                "youguang.storage.access-key", endpoint.accessKey(),
                "youguang.storage.secret-key", endpoint.secretKey());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(InjectObjectStoreProxy.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (s3 != null) {
            s3.stop();
        }
    }
}
