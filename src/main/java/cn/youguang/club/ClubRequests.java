package cn.youguang.club;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Bodies the reading club accepts. */
public final class ClubRequests {

    private ClubRequests() {
    }

    @Schema(description = "A book: title and author, optional ISBN-13 (hyphens and spaces allowed, checked by its checksum)")
    public record Book(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String author,
                       @Size(max = 20) String isbn) {
    }

    @Schema(description = "A reading note. images are ids of the author's completed image uploads (kind image)")
    public record Post(@NotNull @Valid Book book,
                       @NotBlank @Size(max = 2000) String text,
                       @Size(max = 9) List<@NotBlank String> images,
                       @Size(max = 5) List<@NotBlank @Size(max = 32) @Pattern(regexp = "[^,]+", message = "must not contain commas") String> tags,
                       Long listId) {
    }

    @Schema(description = "A comment; parentId names a top-level comment of the same post to reply to it")
    public record Comment(@NotBlank @Size(max = 500) String text, Long parentId) {
    }

    @Schema(description = "Today's check-in: the book and pages or minutes read (at least one)")
    public record CheckIn(@NotBlank @Size(max = 200) String bookTitle,
                          @Min(1) @Max(5000) Integer pages,
                          @Min(1) @Max(1440) Integer minutes) {
    }

    @Schema(description = "Why a post should be looked at by a moderator")
    public record Flag(@NotBlank @Size(max = 200) String reason) {
    }

    @Schema(description = "A book list, e.g. the month's theme")
    public record BookList(@NotBlank @Size(max = 100) String title, @Size(max = 1000) String description,
                           @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Book> books) {
    }

    @Schema(description = "A moderator's decision: approve, reject (reason required), hide or restore")
    public record Decision(@NotBlank @Pattern(regexp = "approve|reject|hide|restore",
            message = "must be approve, reject, hide or restore") String action, @Size(max = 200) String reason) {
    }
}
