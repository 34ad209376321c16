package cn.youguang.console;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Spreadsheet files for download: UTF-8 with a byte-order mark (Excel otherwise reads Chinese as the local code
 * page), RFC 4180 quoting, and cells a spreadsheet would run as a formula (= + - @, and tab or carriage return
 * before one) made text with a leading apostrophe, since citizens write some of the values.
 */
final class Csv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder text = new StringBuilder();

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    byte[] bytes() {
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
