package cn.youguang.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness includes the object store: without it no media can be served or stored. */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    private final ObjectStore store;

    public ObjectStoreHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Object store").withData("bucket", store.bucket());
        try {
            store.ping();
            return response.up().build();
        } catch (StorageUnavailableException e) {
            return response.down().build();
        }
    }
}
