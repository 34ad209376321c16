package cn.youguang.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Renders an {@link Open311Exception} as the specification's error list. */
public final class Open311Errors {

    private Open311Errors() {
    }

    public static String render(Open311Exception e, ObjectMapper json) {
        return Open311Format.errors(e.xml(), e.code(), e.getMessage(), json);
    }
}
