package cn.youguang.feedback;

/** STREET: 城管随手拍, public problems on the street. SUPERVISION: 清风城管, confidential, for inspectors only. */
public enum Channel {
    STREET("SP"), SUPERVISION("QF");

    private final String prefix;

    Channel(String prefix) {
        this.prefix = prefix;
    }

    /** First letters of report numbers: SP-20261125-0007, QF-20261125-0002. */
    public String prefix() {
        return prefix;
    }
}
