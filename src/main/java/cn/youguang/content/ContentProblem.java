package cn.youguang.content;

/** A content file that cannot be imported, naming the front-matter field (or "body") at fault. */
public class ContentProblem extends RuntimeException {

    private final String field;

    public ContentProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
