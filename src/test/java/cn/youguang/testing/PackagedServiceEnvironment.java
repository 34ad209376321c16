package cn.youguang.testing;

import cn.youguang.media.EmbeddedS3Server;
import cn.youguang.media.StorageConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * What the production artifact needs to start in an integration test: the test database, an S3 server it did
 * not start itself (production never does), and key files. The keys are made by the service's own development
 * secrets at the given locations; production itself is never told to generate them.
 */
public class PackagedServiceEnvironment implements QuarkusTestResourceLifecycleManager {

    private static final String DATA = "target/it-data";
    private EmbeddedS3Server s3;

    @Override
    public Map<String, String> start() {
        StorageConfig.Embedded embedded = ConfigStubs.of(StorageConfig.Embedded.class, Map.of(
                "enabled", true, "jar", "target/s3proxy/s3proxy.jar", "basedir", "target/it-objects", "port", 0));
        s3 = new EmbeddedS3Server(ConfigStubs.of(StorageConfig.class, Map.of("embedded", embedded)), DATA);
        EmbeddedS3Server.Endpoint endpoint = s3.start();

        Map<String, String> config = new HashMap<>();
        for (String key : new String[]{"quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password"}) {
            config.put(key, System.getProperty(key, ""));
        }
        config.put("youguang.storage.endpoint", endpoint.url());
        config.put("youguang.storage.access-key", endpoint.accessKey());
        config.put("youguang.storage.secret-key", endpoint.secretKey());
        config.put("youguang.data-dir", DATA);
        // the packaged service reads the test fixtures too, not the editorial content/
        config.put("youguang.content.dir", "src/test/resources/content");
        config.put("youguang.auth.generate-dev-secrets", "true");
        config.put("smallrye.jwt.sign.key.location", DATA + "/secrets/jwt-private.pem");
        config.put("mp.jwt.verify.publickey.location", DATA + "/secrets/jwt-public.pem");
        return config;
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.stop();
        }
    }
}
