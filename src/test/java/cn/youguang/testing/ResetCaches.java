package cn.youguang.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Empties every cache of the service before each test method, so no test sees what an earlier one left cached
 * (the public statistics are cached for five minutes) and the order of tests does not matter.
 */
public class ResetCaches implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container == null || !container.instance(CacheManager.class).isAvailable()) {
            return;
        }
        CacheManager caches = container.instance(CacheManager.class).get();
        for (String name : caches.getCacheNames()) {
            caches.getCache(name).ifPresent(cache -> cache.invalidateAll().await().indefinitely());
        }
    }
}
