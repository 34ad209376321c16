package cn.youguang.search;

import cn.youguang.common.Page;
import cn.youguang.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recency tiers of search: matches among the newest documents first, ranked (title hit, then text hit, newest
 * first), then the older ones ranked the same way; a cursor walks across the boundary without repeats or gaps.
 * The documents are written straight into the search index, dated in 2031 so they are the newest the clock sees.
 */
@QuarkusTest
class SearchTiersTest {

    private static final Instant T = Instant.parse("2031-03-01T02:00:00Z");

    @Inject
    SearchService search;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void theNewestTierComesFirstAndTheCursorCrossesIntoTheOlderOne() throws SQLException {
        long base = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        document(base + 1, "鹬蚌相争的老故事", "正文里没有别的。", T.minus(Duration.ofHours(4)));
        document(base + 2, "渔翁的旧事", "正文说到鹬蚌。", T.minus(Duration.ofHours(3)));
        document(base + 3, "鹬蚌新篇", "正文。", T.minus(Duration.ofHours(2)));
        document(base + 4, "渔翁新事", "正文又说到鹬蚌。", T.minus(Duration.ofHours(1)));
        TestClock.set(T);

        // without tiers the two title hits would lead; with the newest two documents as a tier, the new ones lead
        assertThat(ids(search.search("鹬蚌", null, null, 10, 2).items())).containsExactly(base + 3, base + 4, base + 1, base + 2);
        assertThat(ids(search.search("鹬蚌", null, null, 10, 100_000).items())).containsExactly(base + 3, base + 1, base + 4, base + 2);

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<SearchService.Hit> page = search.search("鹬蚌", null, cursor, 1, 2);
            walked.addAll(ids(page.items()));
            cursor = page.nextCursor();
            pages++;
            // a newer document published while paging does not move the boundary the cursor carries
            if (pages == 1) {
                document(base + 5, "鹬蚌后来者", "正文。", T.minus(Duration.ofMinutes(30)));
            }
        } while (cursor != null && pages < 10);
        assertThat(walked).containsExactly(base + 3, base + 4, base + 1, base + 2);

        TestClock.set(T.minus(Duration.ofMinutes(150)));
        assertThat(ids(search.search("鹬蚌", null, null, 10, 2).items())).as("a document not yet published is not found")
                .containsExactly(base + 1, base + 2);
    }

    private void document(long id, String title, String body, Instant publishedAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into search_document (entry_type, entry_id, slug, title, body, terms, published_at)"
                        + " values ('STORY', ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "tier-" + id);
            insert.setString(3, title);
            insert.setString(4, body);
            insert.setString(5, Terms.column(title + " " + body));
            insert.setTimestamp(6, Timestamp.from(publishedAt));
            insert.executeUpdate();
        }
    }

    private static List<Long> ids(List<SearchService.Hit> hits) {
        return hits.stream().map(SearchService.Hit::id).toList();
    }
}
