package cn.youguang.media;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An upload as its owner sees it. An editor's image lists its public renditions once made; anyone else's image
 * stays private until a feature that shows it has had it checked; evidence never has a public URL, and its GPS
 * position and capture time are shown only to the owner here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadView(String id, MediaKind kind, MediaUpload.Status status, String filename, Long size,
                         MediaFormat format, Integer width, Integer height, Instant takenAt, Double latitude,
                         Double longitude, MediaUpload.RenditionStatus renditions, List<Rendition> images,
                         Instant createdAt) {

    public record Rendition(int width, String url) {
    }
}
