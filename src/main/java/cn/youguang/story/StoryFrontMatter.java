package cn.youguang.story;

import cn.youguang.common.Slug;
import cn.youguang.content.FrontMatter;
import cn.youguang.tag.TagName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Front matter of content/stories/*.md.
 *
 * @param person the role model's name as the bureau's report gives it
 * @param role   what the person does, only as far as the source says
 * @param unit   the unit the person belongs to
 */
public record StoryFrontMatter(
        @NotBlank @Size(max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.REGEX, message = "must be lower-case letters, digits and single hyphens") String slug,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 64) String person,
        @Size(max = 100) String role,
        @Size(max = 100) String unit,
        @Size(max = 12) List<@NotBlank @Pattern(regexp = TagName.REGEX, message = "is not a tag name (letters, digits, '-' or '·', up to 32)") String> tags,
        @Size(max = 500) String summary,
        @Size(max = 500) String cover,
        String published,
        Boolean draft) implements FrontMatter {

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags.stream().map(TagName::normalize).distinct().toList();
    }
}
