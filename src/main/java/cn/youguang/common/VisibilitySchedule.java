package cn.youguang.common;

import java.time.Instant;
import java.util.Optional;

/**
 * When the public face next changes without a write: the earliest publication time still in the future. A cached
 * public reply is valid until then, so an entry dated 10:00 is served from 10:00, not from the next cache expiry.
 */
public interface VisibilitySchedule {

    Optional<Instant> nextChange();
}
