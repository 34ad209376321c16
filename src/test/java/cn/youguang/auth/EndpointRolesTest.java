package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.Tokens;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint of the service (every resource class under cn.youguang in target/classes, with the endpoints
 * it inherits, whose roles come from the resource class as for its own methods): each must
 * declare who may call it, and the declaration must hold over HTTP — no token gives 401, a role outside the
 * declaration gives 403, an allowed role gets past security.
 */
@QuarkusTest
class EndpointRolesTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            PATCH.class, DELETE.class);

    record Endpoint(String verb, String path, Method method, Annotation declaration) {
        @Override
        public String toString() {
            return verb + " " + path + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    @Test
    void everyEndpointDeclaresItsRoles() throws Exception {
        List<String> undeclared = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.declaration() == null) {
                undeclared.add(e.toString());
            }
        }
        assertThat(undeclared).as("endpoints without @RolesAllowed/@PermitAll/@DenyAll/@Authenticated").isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(20);
    }

    @Test
    void theDeclarationsHoldOverHttp() throws Exception {
        long adminId = Accounts.admin().id();
        List<String> broken = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            Annotation d = e.declaration();
            if (d instanceof PermitAll) {
                int status = call(e, null).statusCode();
                // callbacks check a signature and the console's login form its own form token: 403 without them
                if (status == 401 || status == 403 && !e.path().contains("callback") && !e.path().equals("/admin/login")) {
                    broken.add(e + ": public but answered " + status);
                }
            } else if (d instanceof DenyAll) {
                expect(broken, e, call(e, Tokens.forUser(adminId, Role.ALL.toArray(String[]::new))), 403);
            } else {
                expect(broken, e, call(e, null), 401);
                Set<String> allowed = d instanceof RolesAllowed r ? Set.of(r.value()) : Role.ALL;
                Set<String> others = new TreeSet<>(Role.ALL);
                others.removeAll(allowed);
                if (!others.isEmpty()) {
                    expect(broken, e, call(e, Tokens.forUser(adminId, others.toArray(String[]::new))), 403);
                }
                int admitted = call(e, Tokens.forUser(adminId, allowed.iterator().next())).statusCode();
                if (admitted == 401 || admitted == 403) {
                    broken.add(e + ": an allowed role was refused with " + admitted);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static void expect(List<String> broken, Endpoint e, Response response, int status) {
        if (response.statusCode() != status) {
            broken.add(e + ": expected " + status + " but got " + response.statusCode());
        } else if (!response.contentType().startsWith("application/problem+json")) {
            broken.add(e + ": " + status + " without a problem body");
        }
    }

    private static Response call(Endpoint e, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!e.verb().equals("GET") && !e.verb().equals("DELETE")) {
            // the console's pages take forms (and would answer a JSON body 415 before any role is checked)
            jakarta.ws.rs.Consumes consumes = e.method().getAnnotation(jakarta.ws.rs.Consumes.class);
            if (e.path().startsWith("/admin/") && consumes != null
                    && Arrays.asList(consumes.value()).contains("application/x-www-form-urlencoded")) {
                request.contentType("application/x-www-form-urlencoded").formParam("x", "1");
            } else {
                request.contentType("application/json").body("{}");
            }
        }
        return request.request(e.verb(), e.path());
    }

    private static List<Endpoint> endpoints() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("cn/youguang"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, EndpointRolesTest.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null || type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                // public methods, inherited ones too: the desks share their endpoints through a base class
                for (Method m : type.getMethods()) {
                    for (Class<? extends Annotation> verb : HTTP_METHODS) {
                        if (m.isAnnotationPresent(verb)) {
                            Path sub = m.getAnnotation(Path.class);
                            String path = concrete(base.value() + (sub == null ? "" : "/" + sub.value()));
                            endpoints.add(new Endpoint(verb.getSimpleName(), path, m, declaration(m, type)));
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    private static Annotation declaration(Method m, Class<?> type) {
        for (Annotation[] level : new Annotation[][]{m.getAnnotations(), type.getAnnotations()}) {
            for (Annotation a : level) {
                if (a instanceof RolesAllowed || a instanceof PermitAll || a instanceof DenyAll || a instanceof Authenticated) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Fills path parameters with values of the right shape. */
    private static String concrete(String template) {
        String path = template.replaceAll("/+", "/");
        path = path.replaceAll("\\{key:[^}]*}", "public/content/none.png");
        path = path.replaceAll("\\{id[^}]*}", "1");
        path = path.replaceAll("\\{slug[^}]*}", "xu-chunhua");
        path = path.replaceAll("\\{position[^}]*}", "0");
        path = path.replaceAll("\\{number[^}]*}", "SP-20260101-000001");
        path = path.replaceAll("\\{format[^}]*}", "json");
        path = path.replaceAll("\\{code[^}]*}", "litter");
        path = path.replaceAll("\\{token[^}]*}", "abc123");
        path = path.replaceAll("\\{kind[^}]*}", "stories");
        path = path.replaceAll("\\{year[^}]*}", "2027");
        path = path.replaceAll("\\{(scheduleId|revision|deliveryId|userId)[^}]*}", "1");
        if (path.contains("{")) {
            throw new IllegalStateException("No sample value for a parameter in " + template + ": "
                    + Arrays.toString(path.split("[{}]")));
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
