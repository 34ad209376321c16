package cn.youguang.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** How a Bean Validation failure names its field, for API replies and content-import reports alike. */
public final class Violations {

    private Violations() {
    }

    /**
     * The field as the author wrote it: properties joined with dots, list positions in brackets
     * (location.latitude, tags[2], photos[1].uploadId). A REST call's method and parameter nodes are left out;
     * a violation on the object as a whole gets the name given for it.
     */
    public static String fieldOf(ConstraintViolation<?> violation, String whole) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            // Hibernate Validator puts a list position on the node that follows the list
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? whole : field.toString();
    }
}
