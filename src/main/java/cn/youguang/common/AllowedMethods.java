package cn.youguang.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each resource path answers, for the {@code Allow} header of a 405 (RFC 9110 requires it). Read once
 * from the resources' annotations.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    private volatile List<Route> routes;

    /** e.g. "GET, HEAD" for a path only read; empty when no resource has this path. */
    public String at(String path) {
        String wanted = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(wanted).matches()) {
                methods.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        return String.join(", ", methods);
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    String verb = verb(m);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    known.add(new Route(template(join(base.value(), sub == null ? "" : sub.value())), verb));
                }
            }
            routes = known;
        }
        return known;
    }

    private static String verb(Method m) {
        for (var annotation : m.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code /api/stories/{slug}} → a pattern matching one segment where the template has a parameter. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
