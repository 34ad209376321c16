package cn.youguang.content;

/** Only PUBLISHED entries whose publication time has come are visible to the public. */
public enum PublicationStatus {
    DRAFT,
    PUBLISHED,
    /** its source file was removed from content/; kept for its revisions and links, hidden from the public */
    WITHDRAWN
}
