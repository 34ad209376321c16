package cn.youguang.feedback;

/** STREET: 城管随手拍, public problems on the street. SUPERVISION: 清风城管, confidential, for inspectors only. */
public enum Channel {
    STREET("SP"), SUPERVISION("QF");

    private final String prefix;

    Channel(String prefix) {
        this.prefix = prefix;
    }

    /** In replies lower case, as requests and query parameters take it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Channel of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** First letters of report numbers: SP-20261125-0007, QF-20261125-0002. */
    public String prefix() {
        return prefix;
    }
}
