package cn.youguang.media;

import cn.youguang.testing.ConfigStubs;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production (no embedded server allowed) must refuse to start without a real endpoint and keys. */
class ObjectStoreConfigurationTest {

    @Test
    void refusesToStartWithoutAnEndpointWhenNoEmbeddedServerIsAllowed() {
        assertThatThrownBy(() -> new ObjectStore(config(Map.of()), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YOUGUANG_S3_ENDPOINT");
    }

    @Test
    void refusesAnEndpointWithoutKeys() {
        assertThatThrownBy(() -> new ObjectStore(config(Map.of("endpoint", "https://minio.example.gov.cn")), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YOUGUANG_S3_ACCESS_KEY");
    }

    private static StorageConfig config(Map<String, Object> values) {
        StorageConfig.Embedded noEmbedded = ConfigStubs.of(StorageConfig.Embedded.class, Map.of("enabled", false));
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put("embedded", noEmbedded);
        return ConfigStubs.of(StorageConfig.class, all);
    }
}
