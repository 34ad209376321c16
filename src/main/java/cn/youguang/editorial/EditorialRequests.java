package cn.youguang.editorial;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Bodies of the editorial API besides the entry itself. */
public final class EditorialRequests {

    private EditorialRequests() {
    }

    /** @param to the stage to move to, in lower case; @param comment required when sending back */
    public record Move(@NotNull String to, @Size(max = 2000) String comment, @NotNull Long version) {
    }

    /** @param action publish or unpublish; @param at a future time with its offset */
    public record Schedule(@NotNull String action, @NotNull Instant at, @NotNull Long version) {
    }

    public record Versioned(@NotNull Long version) {
    }

    /** The collection's story slugs in their new order. */
    public record Order(@NotNull Long version, @NotEmpty @Size(max = 500) List<@NotNull String> stories) {
    }
}
