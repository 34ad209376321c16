package cn.youguang.readcache;

import cn.youguang.common.VisibilitySchedule;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The earliest publication time still ahead among published stories, articles and collections: public lists and
 * details hide an entry until its time comes, without any write, so cached replies expire then. Remembered
 * until it passes or the change log reports a change (which may add an earlier one).
 */
@ApplicationScoped
public class PublishedSchedule implements VisibilitySchedule {

    private record Known(Optional<Instant> next, Instant readAt) {
    }

    private static final String NEXT = "select min(t) from ("
            + " select min(published_at) t from story where status = 'PUBLISHED' and published_at > ? and deleted_at is null"
            + " union all select min(published_at) from article where status = 'PUBLISHED' and published_at > ? and deleted_at is null"
            + " union all select min(published_at) from story_collection where status = 'PUBLISHED' and published_at > ?"
            + " and deleted_at is null) x";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private volatile Known known;

    public PublishedSchedule(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> nextChange() {
        Instant now = clock.instant();
        Known k = known;
        // remembered for a few seconds at most: a forget() racing a read must not leave a stale answer for long
        if (k != null && !now.isBefore(k.readAt()) && now.isBefore(k.readAt().plusSeconds(5))
                && k.next().map(now::isBefore).orElse(true)) {
            return k.next();
        }
        Optional<Instant> next = read(now);
        known = new Known(next, now);
        return next;
    }

    /** A change may have scheduled something earlier: read again next time. */
    void forget() {
        known = null;
    }

    private Optional<Instant> read(Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(NEXT)) {
            Timestamp at = Timestamp.from(now);
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            s.setTimestamp(3, at);
            try (ResultSet rs = s.executeQuery()) {
                Timestamp next = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(next).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            // unknown: a reply made now is valid for no time at all (the database is failing the request anyway)
            return Optional.of(now);
        }
    }
}
