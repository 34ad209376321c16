package cn.youguang.club;

/** Where a post or comment stands; only PUBLISHED (and not deleted) is shown to anyone but its author and moderators. */
public enum PostStatus {
    /** passed WeChat's check or a moderator: public */
    PUBLISHED,
    /** waits for a moderator: WeChat said review, or could not be asked */
    QUEUED,
    /** WeChat found it risky, or a moderator rejected it; the reason is shown to the author */
    REJECTED,
    /** hidden by flags (pending review) or by a moderator */
    HIDDEN
}
