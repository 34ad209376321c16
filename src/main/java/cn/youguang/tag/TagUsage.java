package cn.youguang.tag;

/** A tag and how many published stories and articles carry it. */
public record TagUsage(String name, long stories, long articles) {
}
