package cn.youguang.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** File formats the service stores, recognised by their first bytes rather than by name or declared type. */
public enum MediaFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    HEIC("image/heic", "heic"),
    MP4("video/mp4", "mp4"),
    MOV("video/quicktime", "mov");

    /** ISO-BMFF brands of HEIF images (iPhone photos are heic). */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
    /** QuickTime files may open with one of these atoms instead of ftyp. */
    private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    private final String mediaType;
    private final String extension;

    MediaFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Formats a phone or a browser can show without conversion (the content importer accepts only these). */
    public boolean isWebImage() {
        return this == JPEG || this == PNG || this == GIF || this == WEBP;
    }

    public static Optional<MediaFormat> detect(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && ascii(head, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        String box = ascii(head, 4, 4);
        if (box.equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (HEIF_BRANDS.contains(brand)) {
                return Optional.of(HEIC);
            }
            return Optional.of(brand.equals("qt  ") ? MOV : MP4);
        }
        if (QUICKTIME_ATOMS.contains(box)) {
            return Optional.of(MOV);
        }
        return Optional.empty();
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return bytes.length < offset + length ? "" : new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
