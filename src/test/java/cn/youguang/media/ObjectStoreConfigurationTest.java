package cn.youguang.media;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production (no embedded server allowed) must refuse to start without a real endpoint and keys. */
class ObjectStoreConfigurationTest {

    @Test
    void refusesToStartWithoutAnEndpointWhenNoEmbeddedServerIsAllowed() {
        assertThatThrownBy(() -> new ObjectStore(config(Optional.empty(), Optional.empty()), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YOUGUANG_S3_ENDPOINT");
    }

    @Test
    void refusesAnEndpointWithoutKeys() {
        assertThatThrownBy(() -> new ObjectStore(config(Optional.of("https://minio.example.gov.cn"), Optional.empty()), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YOUGUANG_S3_ACCESS_KEY");
    }

    private static StorageConfig config(Optional<String> endpoint, Optional<String> key) {
        return new StorageConfig() {
            public Optional<String> endpoint() { return endpoint; }
            public Optional<String> accessKey() { return key; }
            public Optional<String> secretKey() { return key; }
            public String region() { return "us-east-1"; }
            public String bucket() { return "youguang-media"; }
            public String publicMediaUrl() { return "http://localhost:8080/media"; }
            public Duration presignedGetExpiry() { return Duration.ofHours(1); }
            public Embedded embedded() {
                return new Embedded() {
                    public boolean enabled() { return false; }
                    public String jar() { return "target/s3proxy/s3proxy.jar"; }
                    public String basedir() { return "target/none"; }
                    public int port() { return 0; }
                };
            }
        };
    }
}
