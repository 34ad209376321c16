package cn.youguang.common;

/** Text from a request made safe to log: a control character cannot start a forged line or rewrite the terminal. */
public final class LogText {

    private LogText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    switch (c) {
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> out.append(String.format("\\u%04x", (int) c));
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
