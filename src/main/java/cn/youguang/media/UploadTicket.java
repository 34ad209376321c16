package cn.youguang.media;

import java.time.Instant;
import java.util.Map;

/**
 * How to send the file: POST {@code uploadUrl} as multipart/form-data with every field in {@code fields}, then the
 * file as the last part named {@code file}. The store refuses another key, type or a size outside the limit.
 * Then call {@code POST /api/media/uploads/{id}/complete}.
 */
public record UploadTicket(String id, MediaKind kind, String uploadUrl, Map<String, String> fields, long maxBytes,
                           Instant expiresAt) {
}
