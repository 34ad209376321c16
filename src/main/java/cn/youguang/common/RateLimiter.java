package cn.youguang.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Fixed-window limits kept in the database, so every instance of the service enforces the same ones. Taking a unit
 * is one atomic step — a conditional update or an insert that yields to a concurrent one — so any number of
 * simultaneous requests on any number of instances leave exactly {@code limit} allowed per window. Each step
 * commits on its own: a count must outlive the rollback of the request that made it.
 *
 * <p>To limit only what succeeds (or only what fails), take a unit first and {@link #release} it when the attempt
 * turns out not to count.
 */
@ApplicationScoped
public class RateLimiter {

    /** A unit taken from one window of one key; give it back with {@link #release}. */
    public record Permit(String key, Instant windowStart) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public RateLimiter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Takes a unit, or throws 429 with Retry-After until the window ends. */
    public Permit acquire(String key, int limit, Duration window, String message) {
        return tryAcquire(key, limit, window).orElseThrow(() ->
                ProblemException.tooManyRequests(message, retryAfter(window)));
    }

    /** Takes a unit when the current window of {@code key} holds fewer than {@code limit}; empty when it is full. */
    public Optional<Permit> tryAcquire(String key, int limit, Duration window) {
        Instant start = windowStart(clock.instant(), window);
        boolean taken = limit > 0 && inNewTransaction(connection -> {
            if (takeFromExisting(connection, key, start, limit)) {
                return true;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into rate_limit (bucket, window_start, hits) "
                    + "values (?, ?, 1) on conflict do nothing")) {
                insert.setString(1, key);
                insert.setObject(2, start.atOffset(ZoneOffset.UTC));
                if (insert.executeUpdate() == 1) {
                    return true;
                }
            }
            // another request made the window's row between the update and the insert: count against it
            return takeFromExisting(connection, key, start, limit);
        });
        return taken ? Optional.of(new Permit(key, start)) : Optional.empty();
    }

    /** Gives back a unit that turned out not to count (a refused submission, a right code). */
    public void release(Permit permit) {
        inNewTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update rate_limit set hits = hits - 1 where bucket = ? and window_start = ? and hits > 0")) {
                update.setString(1, permit.key());
                update.setObject(2, permit.windowStart().atOffset(ZoneOffset.UTC));
                return update.executeUpdate() == 1;
            }
        });
    }

    /** How long until the current window of this length ends. */
    public Duration retryAfter(Duration window) {
        Instant now = clock.instant();
        return Duration.between(now, windowStart(now, window).plus(window));
    }

    /** How many windows began before the cutoff (the retention dry run). */
    public int countBefore(Instant cutoff) {
        return inNewTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement("select count(*) from rate_limit where window_start < ?")) {
                count.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                try (java.sql.ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Old windows are of no use, and they name addresses and accounts; the retention schedule calls this. */
    public int forgetBefore(Instant cutoff) {
        return inNewTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from rate_limit where window_start < ?")) {
                delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        });
    }

    private static boolean takeFromExisting(Connection connection, String key, Instant start, int limit) throws SQLException {
        // the row lock makes concurrent updates queue; each re-reads hits before it adds one
        try (PreparedStatement update = connection.prepareStatement(
                "update rate_limit set hits = hits + 1 where bucket = ? and window_start = ? and hits < ?")) {
            update.setString(1, key);
            update.setObject(2, start.atOffset(ZoneOffset.UTC));
            update.setInt(3, limit);
            return update.executeUpdate() == 1;
        }
    }

    private static Instant windowStart(Instant now, Duration window) {
        long windowMillis = window.toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
    }

    private interface Step<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inNewTransaction(Step<T> step) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return step.run(connection);
            }
        });
    }
}
