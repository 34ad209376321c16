package cn.youguang.common;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness of the database, answered within {@link #BUDGET_MILLIS} whatever the network does: the probe runs on
 * its own thread and the answer does not wait for it longer than that. A probe still stuck from an earlier call
 * means DOWN at once, so a stalled network cannot pile up threads behind the load balancer's polling.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    /** readiness must answer within 2 s; the rest is for the other checks and the HTTP reply */
    static final long BUDGET_MILLIS = 1200;

    private final AgroalDataSource dataSource;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Boolean> running;

    public DatabaseHealthCheck(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database");
        Future<Boolean> probe;
        synchronized (this) {
            if (running != null && !running.isDone()) {
                return response.down().withData("reason", "the previous probe has not been answered").build();
            }
            probe = prober.submit(this::valid);
            running = probe;
        }
        try {
            return probe.get(BUDGET_MILLIS, TimeUnit.MILLISECONDS) ? response.up().build()
                    : response.down().withData("reason", "connection not valid").build();
        } catch (TimeoutException e) {
            return response.down().withData("reason", "no answer within " + BUDGET_MILLIS + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().build();
        } catch (Exception e) {
            return response.down().withData("reason", "no connection").build();
        }
    }

    private boolean valid() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        }
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }
}
