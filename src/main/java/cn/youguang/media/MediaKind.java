package cn.youguang.media;

import cn.youguang.common.Role;

import java.util.Set;

/**
 * What an upload is for. It decides who may upload it, which formats pass, and where it lives: images get public
 * renditions, videos stay private and play through presigned URLs, evidence is private for good.
 */
public enum MediaKind {
    /** photos in stories, articles and reading-club posts */
    IMAGE(Set.of(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.WEBP, MediaFormat.HEIC),
            Set.of(Role.EDITOR, Role.CADRE, Role.CITIZEN), "private/incoming/"),
    /** short videos uploaded by the publicity office */
    VIDEO(Set.of(MediaFormat.MP4, MediaFormat.MOV), Set.of(Role.EDITOR), "private/video/"),
    /** photos attached to citizen reports, and dispatchers' or handlers' "after" photos: never public, EXIF kept */
    EVIDENCE(Set.of(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.WEBP, MediaFormat.HEIC),
            Set.of(Role.CITIZEN, Role.CADRE, Role.DISPATCHER, Role.HANDLER), "private/evidence/");

    private final Set<MediaFormat> formats;
    private final Set<String> roles;
    private final String prefix;

    MediaKind(Set<MediaFormat> formats, Set<String> roles, String prefix) {
        this.formats = formats;
        this.roles = roles;
        this.prefix = prefix;
    }

    public Set<MediaFormat> formats() {
        return formats;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Object key of an upload's original; the id is ours, the client's filename never appears in it. */
    public String keyFor(String uploadId, MediaFormat format) {
        return prefix + uploadId + "." + format.extension();
    }

    public long maxBytes(MediaConfig config) {
        return this == VIDEO ? config.maxVideoBytes() : config.maxImageBytes();
    }
}
