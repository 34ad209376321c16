package cn.youguang.feedback;

/** A failure answered in Open311's own error format (a list of code and description), as JSON or XML. */
public class Open311Exception extends RuntimeException {

    private final int code;
    private final boolean xml;

    public Open311Exception(int code, String description, boolean xml) {
        super(description, null, false, false);
        this.code = code;
        this.xml = xml;
    }

    public int code() {
        return code;
    }

    public boolean xml() {
        return xml;
    }
}
