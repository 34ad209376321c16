package cn.youguang.console;

import cn.youguang.common.ProblemException;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;

/** What every form page does the same way: the API's own validation of a request, and answering with a page. */
@ApplicationScoped
public class Forms {

    private final Validator validator;

    public Forms(Validator validator) {
        this.validator = validator;
    }

    /** The bean-validation constraints the API applies to the same request record, as the same 400 problem. */
    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> v = violations.stream()
                    .min(java.util.Comparator.comparing(c -> c.getPropertyPath().toString())).orElseThrow();
            throw ProblemException.invalid(v.getPropertyPath().toString(), v.getMessage());
        }
        return request;
    }

    static List<String> fields(ProblemException e) {
        return e.errors().stream().map(f -> Labels.field(f.field()) + "：" + Labels.message(f.message())).toList();
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    static Response seeOther(String path) {
        return Response.seeOther(java.net.URI.create(path)).build();
    }
}
