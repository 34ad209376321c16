package cn.youguang.feedback;

import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses of a report: 待受理 → 已受理 → 已派遣 → 处置中 → 已办结, or 不予受理 / 已转办 / 重复. Which moves
 * are allowed, and what they need, is {@link ReportLifecycle}'s to say.
 */
public enum ReportStatus {
    SUBMITTED("待受理"),
    ACCEPTED("已受理"),
    DISPATCHED("已派遣"),
    IN_PROGRESS("处置中"),
    CLOSED("已办结"),
    REJECTED("不予受理"),
    TRANSFERRED("已转办"),
    DUPLICATE("重复");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    /** In replies lower case, as requests and query parameters take it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ReportStatus of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** The Chinese name citizens see. */
    public String label() {
        return label;
    }

    /** Statuses that end a report's handling, for queries. */
    public static final Set<ReportStatus> FINAL = EnumSet.of(CLOSED, REJECTED, TRANSFERRED, DUPLICATE);
    /** Statuses still being handled (Open311's "open"), for queries. */
    public static final Set<ReportStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(FINAL));

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Open311's two states. */
    public boolean isOpen() {
        return !isFinal();
    }
}
