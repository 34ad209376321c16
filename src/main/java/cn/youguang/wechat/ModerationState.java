package cn.youguang.wechat;

/**
 * Where user content stands after WeChat's content check. Anything we could not check waits for a moderator
 * (fail closed): nothing becomes public because WeChat was unreachable.
 */
public enum ModerationState {
    /** checked by WeChat and passed: may be shown */
    APPROVED,
    /** WeChat suggests review, or could not be asked: a moderator decides */
    PENDING_REVIEW,
    /** WeChat found it risky: not shown */
    REJECTED,
    /** an image check was requested and its verdict has not arrived */
    PENDING;

    static ModerationState fromSuggest(String suggest) {
        if (suggest == null) {
            return PENDING_REVIEW;
        }
        return switch (suggest) {
            case "pass" -> APPROVED;
            case "risky" -> REJECTED;
            default -> PENDING_REVIEW;
        };
    }
}
