package cn.youguang.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names each offending field or parameter so a client can point at
 * it; nothing in here ever carries exception text from a library.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }
}
