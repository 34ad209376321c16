package cn.youguang.story;

import java.time.Instant;
import java.util.List;

/** A story in lists: enough for a card in the mini-program, no body. */
public record StorySummary(String slug, String title, String person, String role, String unit, String summary,
                           String coverUrl, List<String> tags, Instant publishedAt) {

    public static StorySummary of(Story s) {
        return new StorySummary(s.getSlug(), s.getTitle(), s.getPerson(), s.getRole(), s.getUnit(), s.getSummary(),
                s.getCoverUrl(), s.getTags().stream().map(t -> t.getName()).toList(), s.getPublishedAt());
    }
}
