package cn.youguang.club;

import cn.youguang.common.Page;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the reading club answers. {@code state} and {@code rejectReason} appear only to authors and moderators. */
public final class ClubViews {

    private ClubViews() {
    }

    public record Author(long id, String displayName, String unit) {
    }

    public record Book(String title, String author, String isbn) {
    }

    /** url is a stable address that redirects to the image; null while the image is not approved */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(long id, String url, String state) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Post(long id, Author author, Book book, String text, List<String> tags, Long listId,
                       List<Image> images, int likeCount, int commentCount, Instant createdAt, Instant publishedAt,
                       Instant editedAt, String state, String rejectReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(long id, long postId, Long parentId, Author author, String text, int likeCount,
                          int replyCount, Instant createdAt, String state, String rejectReason) {
    }

    /** {@code liked}: whether the signed-in reader likes the post; absent from the public (shared) reply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostDetail(Post post, Page<Comment> comments, Boolean liked) {
    }

    public record Like(boolean liked, int likeCount) {
    }

    public record FlagReceipt(boolean flagged, boolean hidden) {
    }

    public record CheckIn(long id, LocalDate day, String bookTitle, Integer pages, Integer minutes, Instant createdAt,
                          Streaks streaks) {
    }

    public record Streaks(int current, int longest, boolean checkedInToday, long total) {
    }

    public record LeaderboardEntry(int rank, Author cadre, long checkIns, Instant reachedAt) {
    }

    public record Leaderboard(String month, List<LeaderboardEntry> entries) {
    }

    public record BookList(long id, String title, String description, List<Book> books, Instant updatedAt) {
    }

    public record BookListDetail(BookList list, Page<Post> posts) {
    }

    public record Flag(String reason, Instant at) {
    }

    public record Action(String action, String reason, Long actorId, Instant at) {
    }

    /** One entry of the moderators' queue: the content, WeChat's verdict label, flags and the actions so far. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueItem(String kind, long id, Post post, Comment comment, Integer checkLabel, String checkLabelName,
                            List<Flag> flags, List<Action> actions, Instant queuedAt, Instant deletedAt) {
    }
}
