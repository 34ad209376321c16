package cn.youguang.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/**
 * Reads what the service needs from an image's header: pixel size (as displayed, after EXIF orientation),
 * orientation, and for evidence the GPS position and capture time. A broken or absent header yields nulls.
 */
@ApplicationScoped
public class ImageInspector {

    /** Enough of a file for its header in JPEG, PNG, WebP and HEIC photos from phones. */
    public static final int HEADER_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(ImageInspector.class);
    /** EXIF times carry no zone; phones in this city write China Standard Time. */
    private static final TimeZone CAPTURE_ZONE = TimeZone.getTimeZone(ZoneId.of("Asia/Shanghai"));

    public record ImageFacts(Integer width, Integer height, int orientation, Instant takenAt, Double latitude,
                             Double longitude) {
    }

    /**
     * Whether the whole file decodes as the format its first bytes claim: a file with a JPEG's magic bytes and
     * anything else behind them (HTML, a script) does not. WebP and HEIC have no decoder here; their magic bytes
     * and the later conversion (renditions) are the check.
     */
    public boolean decodesFully(MediaFormat format, byte[] bytes) {
        if (format != MediaFormat.JPEG && format != MediaFormat.PNG && format != MediaFormat.GIF) {
            return true;
        }
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(
                new java.io.ByteArrayInputStream(bytes))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.read(0);
                // bytes after the image's end marker are a polyglot's payload
                return endsAsItShould(format, bytes);
            } finally {
                reader.dispose();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean endsAsItShould(MediaFormat format, byte[] bytes) {
        int end = bytes.length;
        return switch (format) {
            case JPEG -> end >= 2 && (bytes[end - 2] & 0xff) == 0xFF && (bytes[end - 1] & 0xff) == 0xD9;
            case PNG -> end >= 8 && new String(bytes, end - 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("IEND");
            case GIF -> end >= 1 && bytes[end - 1] == 0x3B;
            default -> true;
        };
    }

    public ImageFacts inspect(byte[] header) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(header), header.length);
        } catch (Exception e) {
            LOG.debugf("No readable image header (%s)", e.getClass().getSimpleName());
            return new ImageFacts(null, null, 1, null, null, null);
        }
        Integer width = first(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH,
                PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH,
                HeifDirectory.class, HeifDirectory.TAG_IMAGE_WIDTH);
        Integer height = first(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_HEIGHT,
                PngDirectory.class, PngDirectory.TAG_IMAGE_HEIGHT, WebpDirectory.class, WebpDirectory.TAG_IMAGE_HEIGHT,
                HeifDirectory.class, HeifDirectory.TAG_IMAGE_HEIGHT);
        int orientation = 1;
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            Integer o = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            orientation = o == null || o < 1 || o > 8 ? 1 : o;
        }
        if (orientation >= 5 && width != null && height != null) {
            Integer swap = width;
            width = height;
            height = swap;
        }
        Instant takenAt = null;
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (sub != null) {
            Date date = sub.getDateOriginal(CAPTURE_ZONE);
            takenAt = date == null ? null : date.toInstant();
        }
        Double latitude = null;
        Double longitude = null;
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps != null) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && !location.isZero()) {
                latitude = location.getLatitude();
                longitude = location.getLongitude();
            }
        }
        return new ImageFacts(width, height, orientation, takenAt, latitude, longitude);
    }

    private static Integer first(Metadata metadata, Object... typesAndTags) {
        for (int i = 0; i < typesAndTags.length; i += 2) {
            @SuppressWarnings("unchecked")
            Class<? extends Directory> type = (Class<? extends Directory>) typesAndTags[i];
            int tag = (Integer) typesAndTags[i + 1];
            // HEIF files carry several directories of one type (brands, then the image's properties)
            for (Directory directory : metadata.getDirectoriesOfType(type)) {
                if (directory.containsTag(tag)) {
                    Integer value = directory.getInteger(tag);
                    if (value != null && value > 0) {
                        return value;
                    }
                }
            }
        }
        return null;
    }
}
