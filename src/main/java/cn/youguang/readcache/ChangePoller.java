package cn.youguang.readcache;

import cn.youguang.common.PublicReplies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the change log every few hundred milliseconds and drops the replies other instances' writes affected, so
 * a change made through one instance is served by every other within a second. Lines are read by time with a
 * minute of overlap, not by the last sequence number: identity values are handed out before their transactions
 * commit, so a lower number can become visible after a higher one. Lines already applied are remembered.
 */
@ApplicationScoped
public class ChangePoller {

    private static final Logger LOG = Logger.getLogger(ChangePoller.class);
    /** longer than any transaction may stay open (30 s) plus clock differences between instances */
    private static final Duration OVERLAP = Duration.ofSeconds(90);
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final AgroalDataSource dataSource;
    private final PublicReplies replies;
    private final PublishedSchedule schedule;
    private final long everyMillis;
    private final Map<Long, Instant> applied = new HashMap<>();
    private ScheduledExecutorService timer;
    private boolean failing;
    private long polls;

    public ChangePoller(AgroalDataSource dataSource, PublicReplies replies, PublishedSchedule schedule,
                        @ConfigProperty(name = "youguang.read-cache.poll-every", defaultValue = "PT0.25S") Duration every) {
        this.dataSource = dataSource;
        this.replies = replies;
        this.schedule = schedule;
        this.everyMillis = Math.max(50, every.toMillis());
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-cache-poller");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollSafely, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void pollSafely() {
        try {
            poll();
            if (failing) {
                LOG.info("Read-cache change log readable again; every kept reply was dropped while it was not");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            // changes may have been missed: nothing kept can be trusted
            replies.invalidateAll();
            if (!failing) {
                LOG.warnf("Read-cache change log unreadable (%s); replies are not kept until it is readable", e.getClass().getSimpleName());
                failing = true;
            }
        }
    }

    synchronized void poll() throws SQLException {
        Set<String> tags = new HashSet<>();
        Instant now;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select seq, tags from public_change where changed_at > ? order by seq")) {
            // the database's clock, which also stamps the lines: instances' clocks may differ
            now = databaseNow(c);
            s.setTimestamp(1, Timestamp.from(now.minus(OVERLAP)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (applied.putIfAbsent(rs.getLong(1), now) == null) {
                        tags.addAll(Arrays.asList(rs.getString(2).split(" ")));
                    }
                }
            }
            if (++polls % 2400 == 0) {
                // every ten minutes or so; on every instance, which is harmless
                try (PreparedStatement delete = c.prepareStatement("delete from public_change where changed_at < ?")) {
                    delete.setTimestamp(1, Timestamp.from(now.minus(KEEP)));
                    delete.executeUpdate();
                }
            }
        }
        applied.values().removeIf(at -> at.isBefore(now.minus(OVERLAP.multipliedBy(2))));
        if (!tags.isEmpty()) {
            schedule.forget();
            replies.invalidate(tags);
        }
    }

    private static Instant databaseNow(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select current_timestamp"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
