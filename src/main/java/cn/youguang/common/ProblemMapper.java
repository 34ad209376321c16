package cn.youguang.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP replies: RFC 9457 problem+json, naming the offending field, and never
 * carrying exception text, SQL or stack traces (library messages can hold secrets such as the WeChat app secret).
 */
public class ProblemMapper {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ObjectMapper json;
    private final AllowedMethods allowed;

    public ProblemMapper(ObjectMapper json, AllowedMethods allowed) {
        this.json = json;
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response reply = reply(e.status(), e.title(), e.getMessage(), uri, e.errors());
        return e.retryAfter() == null ? reply
                : Response.fromResponse(reply).header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(reply(401, null, "Sign in first: this resource needs a valid access token",
                uri, List.of())).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(reply(401, null, "The access token is invalid or expired",
                uri, List.of())).header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return reply(403, null, "Your roles do not allow this", uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(Violations.fieldOf(v, "body"), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return reply(400, "Invalid request", detail, uri, errors);
    }

    /** Declared for the subtype too, so it wins over the JSON extension's own mapper for it. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof InvalidFormatException ? "has the wrong type or format" : "is not valid here";
            return reply(400, "Invalid request", field + " " + message, uri, List.of(new Problem.FieldError(field, message)));
        }
        String message = e instanceof com.fasterxml.jackson.core.JsonParseException
                ? "is not well-formed JSON" : "does not have the shape or values this request takes";
        return reply(400, "Invalid request", "The request body " + message, uri,
                List.of(new Problem.FieldError("body", message)));
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableException e, UriInfo uri) {
        if (e.retryAfter() == null) {
            return reply(503, null, e.publicDetail(), uri, List.of());
        }
        LOG.warnf("%s (%s)", e.getMessage(), e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
        return problem(ProblemException.unavailable(e.publicDetail(), e.retryAfter()), uri);
    }

    @ServerExceptionMapper
    public Response refused(UpstreamRefusedException e, UriInfo uri) {
        return reply(502, null, e.publicDetail(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This resource does not support the request method";
            case 406 -> "This resource can only answer with application/json";
            case 415 -> "This resource does not accept the request's content type";
            default -> Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                    ? "The request was not understood" : null;
        };
        Response reply = reply(status, null, detail, uri, List.of());
        String allow = e.getResponse().getHeaderString("Allow");
        if (status == 405 && (allow == null || allow.isBlank()) && uri != null) {
            allow = allowed.at(uri.getPath());
        }
        return allow == null || allow.isBlank() ? reply : Response.fromResponse(reply).header("Allow", allow).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (editedConcurrently(e)) {
            // the version column told two concurrent edits apart: this one was rolled back, the other one stands
            return problem(ProblemException.conflict("Someone changed this meanwhile; nothing of yours was saved. "
                    + "Reload it and try again"), uri);
        }
        if (databaseUnreachable(e)) {
            // the transaction was rolled back: nothing was written, and the client may simply try again
            LOG.warnf("Database unavailable on %s (%s)", uri == null ? "?" : LogText.escape(uri.getPath()), e.getClass().getSimpleName());
            return problem(ProblemException.unavailable("The database is briefly unavailable; nothing was changed, "
                    + "retry shortly", Duration.ofSeconds(5)), uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled failure on %s (incident %s)", uri == null ? "?" : LogText.escape(uri.getPath()), incident);
        return reply(500, null, "The server failed to answer; the incident is logged as " + incident, uri, List.of());
    }

    private Response reply(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String resolvedTitle = title != null ? title : type != null ? type.getReasonPhrase() : "Error";
        Problem problem = new Problem("about:blank", resolvedTitle, status, detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), errors);
        try {
            return Response.status(status).type(PROBLEM_JSON).entity(json.writeValueAsBytes(problem)).build();
        } catch (JsonProcessingException impossible) {
            return Response.status(status).build();
        }
    }

    /** An optimistic-lock failure, raised at a flush or only at commit (then wrapped in the rollback). */
    private static boolean editedConcurrently(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database could not answer, as opposed to refusing what we asked: lost or stalled connections (SQLState
     * class 08), statements cancelled by the statement timeout or a shutdown (57), too many connections (53), and
     * the pool's own failures, which carry no SQLState (acquisition timeout).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLTimeoutException
                    || t instanceof org.hibernate.QueryTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && !(t instanceof java.sql.SQLIntegrityConstraintViolationException)) {
                String state = sql.getSQLState();
                // the pool's timeout may carry the state of the connect it gave up on (XX000 "something unusual")
                if (isPoolFailure(sql) || state != null && (state.startsWith("08") || state.startsWith("57")
                        || state.startsWith("53"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Agroal's own failure ("Acquisition timeout while waiting for new connection"), whatever state it carries. */
    private static boolean isPoolFailure(java.sql.SQLException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }
}
