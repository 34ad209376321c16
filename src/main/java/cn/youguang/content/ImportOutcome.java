package cn.youguang.content;

public enum ImportOutcome {
    CREATED, UPDATED, UNCHANGED
}
