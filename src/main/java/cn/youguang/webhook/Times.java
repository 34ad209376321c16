package cn.youguang.webhook;

import java.time.Instant;

/** Timestamps as the JDBC drivers return them from native queries (PostgreSQL and H2 differ). */
final class Times {

    private Times() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
