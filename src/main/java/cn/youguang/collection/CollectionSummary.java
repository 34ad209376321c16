package cn.youguang.collection;

import java.time.Instant;

public record CollectionSummary(String slug, String title, String summary, String coverUrl, int storyCount,
                                Instant publishedAt) {
}
