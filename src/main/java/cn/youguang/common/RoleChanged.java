package cn.youguang.common;

/**
 * An account gained or lost a role that separation of duties watches (inspector). Fired inside the transaction
 * that changes it, for the audit chain. {@code actorId} 0 means the server command, {@code confirmedBy} the
 * inspector who confirmed a grant (null for removals and for the server command).
 */
public record RoleChanged(long actorId, long userId, String role, boolean granted, Long confirmedBy) {

    /** The actor id of the server command (`grant-inspector`), which has no account. */
    public static final long SERVER_COMMAND = 0;
}
