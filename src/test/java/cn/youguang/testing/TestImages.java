package cn.youguang.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Real image files made in the test, so nothing binary needs to live in the repository. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A phone-like JPEG: an EXIF block (APP1) with orientation, capture time and GPS position, built byte by byte
     * so the test needs no camera file and no extra tool.
     */
    public static byte[] jpegWithExif(int width, int height, int orientation, String dateTimeOriginal,
                                      double latitude, double longitude) {
        byte[] jpeg = jpeg(width, height, Color.DARK_GRAY);
        ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[]{'I', 'I', 42, 0}).putInt(8);
        // IFD0 at 8: orientation, Exif IFD pointer, GPS IFD pointer
        int ifd0 = 8;
        int exifIfd = ifd0 + 2 + 3 * 12 + 4;
        int exifData = exifIfd + 2 + 12 + 4;
        int gpsIfd = exifData + 20;
        int gpsData = gpsIfd + 2 + 4 * 12 + 4;
        tiff.position(ifd0);
        tiff.putShort((short) 3);
        entry(tiff, 0x0112, 3, 1, orientation);
        entry(tiff, 0x8769, 4, 1, exifIfd);
        entry(tiff, 0x8825, 4, 1, gpsIfd);
        tiff.putInt(0);
        tiff.position(exifIfd);
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, exifData);
        tiff.putInt(0);
        tiff.position(exifData);
        tiff.put(Arrays.copyOf((dateTimeOriginal + "\0").getBytes(StandardCharsets.US_ASCII), 20));
        tiff.position(gpsIfd);
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, latitude >= 0 ? 'N' : 'S');
        entry(tiff, 0x0002, 5, 3, gpsData);
        entry(tiff, 0x0003, 2, 2, longitude >= 0 ? 'E' : 'W');
        entry(tiff, 0x0004, 5, 3, gpsData + 24);
        tiff.putInt(0);
        tiff.position(gpsData);
        degrees(tiff, Math.abs(latitude));
        degrees(tiff, Math.abs(longitude));
        byte[] body = Arrays.copyOf(tiff.array(), tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + body.length;
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(new byte[]{'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** degrees, minutes and seconds as three RATIONALs (seconds in 1/1000). */
    private static void degrees(ByteBuffer b, double value) {
        int d = (int) value;
        double minutesAll = (value - d) * 60;
        int m = (int) minutesAll;
        long s = Math.round((minutesAll - m) * 60 * 1000);
        b.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(1000);
    }

    public static byte[] png(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
