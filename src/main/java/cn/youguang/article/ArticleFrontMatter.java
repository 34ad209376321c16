package cn.youguang.article;

import cn.youguang.common.Slug;
import cn.youguang.content.FrontMatter;
import cn.youguang.tag.TagName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Front matter of content/articles/*.md.
 *
 * @param kind   news (default) or brand
 * @param author the byline exactly as the source gives it
 */
public record ArticleFrontMatter(
        @NotBlank @Size(max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.REGEX, message = "must be lower-case letters, digits and single hyphens") String slug,
        @NotBlank @Size(max = 200) String title,
        @Pattern(regexp = "(?i)news|brand", message = "must be news or brand") String kind,
        @Size(max = 200) String author,
        @Size(max = 12) List<@NotBlank @Pattern(regexp = TagName.REGEX, message = "is not a tag name (letters, digits, '-' or '·', up to 32)") String> tags,
        @Size(max = 500) String summary,
        @Size(max = 500) String cover,
        String published,
        Boolean draft) implements FrontMatter {

    public ArticleKind kindOrDefault() {
        return kind == null ? ArticleKind.NEWS : ArticleKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags.stream().map(TagName::normalize).distinct().toList();
    }
}
