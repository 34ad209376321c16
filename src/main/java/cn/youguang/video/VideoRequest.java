package cn.youguang.video;

import cn.youguang.common.Slug;
import cn.youguang.tag.TagName;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Creating or editing a video. On PATCH an absent field is left as it is; an empty string clears
 * {@code posterUploadId}, {@code finderUserName} and {@code feedId}.
 */
public record VideoRequest(
        @Size(min = 1, max = 200) String title,
        @Size(max = 2000) String description,
        @Size(max = 12) List<@Pattern(regexp = TagName.REGEX, message = "is not a tag name") String> tags,
        @Size(max = 20) List<@Pattern(regexp = Slug.REGEX, message = "is not a story slug") String> stories,
        @Pattern(regexp = "[0-9a-f-]{36}", message = "is not an upload id") String uploadId,
        @Pattern(regexp = "|[0-9a-f-]{36}", message = "is not an upload id") String posterUploadId,
        @Pattern(regexp = "|sph[A-Za-z0-9_-]{1,60}", message = "is not a Channels (视频号) id, which starts with sph") String finderUserName,
        @Pattern(regexp = "|[A-Za-z0-9_=+/-]{1,200}", message = "is not a Channels feed id") String feedId) {
}
