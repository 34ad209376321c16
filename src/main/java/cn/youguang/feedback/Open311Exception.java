package cn.youguang.feedback;

/**
 * A failure answered in Open311's own error format (a list of code and description), as JSON or XML:
 * {@link Open311Resource} maps it in the format the address asked for.
 */
public class Open311Exception extends RuntimeException {

    private final int code;

    public Open311Exception(int code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
