package cn.youguang.collection;

import cn.youguang.common.Slug;
import cn.youguang.content.FrontMatter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Front matter of content/collections/*.md; the Markdown body is the collection's introduction.
 *
 * @param stories slugs of the member stories, in the order the compilation presents them
 */
public record CollectionFrontMatter(
        @NotBlank @Size(max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.REGEX, message = "must be lower-case letters, digits and single hyphens") String slug,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 500) String summary,
        @Size(max = 500) String cover,
        String published,
        Boolean draft,
        @NotEmpty @Size(max = 500) List<@NotBlank @Pattern(regexp = Slug.REGEX, message = "is not a story slug") String> stories)
        implements FrontMatter {
}
