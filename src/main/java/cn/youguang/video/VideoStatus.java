package cn.youguang.video;

/** uploaded → processing → ready | failed. A Channels-only entry (no file) is ready at once. */
public enum VideoStatus {
    UPLOADED, PROCESSING, READY, FAILED
}
