package cn.youguang.feedback;

import cn.youguang.common.ClientAddress;
import cn.youguang.common.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for 城管随手拍 street reports, in JSON and XML.
 * Reading is public; filing a request needs an api_key issued by an admin.
 */
@Path("/open311/v2")
@PermitAll
public class Open311Resource {

    private final Open311Service open311;
    private final ObjectMapper json;

    public Open311Resource(Open311Service open311, ObjectMapper json) {
        this.open311 = open311;
        this.json = json;
    }

    @GET
    @Path("/discovery.{format: json|xml}")
    @Operation(summary = "Open311 discovery")
    public Response discovery(@PathParam("format") String format) {
        return answer(format, open311.discovery());
    }

    @GET
    @Path("/services.{format: json|xml}")
    @Operation(summary = "Open311 service list: the street report categories")
    public Response services(@PathParam("format") String format) {
        return answer(format, open311.services());
    }

    @GET
    @Path("/services/{code: [a-z0-9-]{1,32}}.{format: json|xml}")
    @Operation(summary = "Open311 service definition")
    public Response service(@PathParam("code") String code, @PathParam("format") String format) {
        return answer(format, open311.service(code));
    }

    @POST
    @Path("/requests.{format: json|xml}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Open311: file a street report (api_key, service_code, lat+long or address_string, description)")
    public Response create(@PathParam("format") String format, MultivaluedMap<String, String> form,
                           @Context HttpServerRequest http) {
        return answer(format, open311.create(ClientAddress.of(http), single(form)));
    }

    @GET
    @Path("/requests.{format: json|xml}")
    @Operation(summary = "Open311: street reports by service_request_id, service_code, status, start_date, end_date")
    public Response requests(@PathParam("format") String format, @Context UriInfo uri) {
        return answer(format, open311.requests(single(uri.getQueryParameters())));
    }

    @GET
    @Path("/requests/{id: [A-Za-z0-9-]{1,30}}.{format: json|xml}")
    @Operation(summary = "Open311: one street report")
    public Response request(@PathParam("id") String id, @PathParam("format") String format) {
        return answer(format, open311.request(id));
    }

    @GET
    @Path("/tokens/{token: [a-f0-9]{1,40}}.{format: json|xml}")
    @Operation(summary = "Open311: the service_request_id of a token")
    public Response token(@PathParam("token") String token, @PathParam("format") String format) {
        return answer(format, open311.token(token));
    }

    private Response answer(String format, Open311Documents.Document document) {
        boolean xml = "xml".equals(format);
        return Response.ok(Open311Format.render(xml, document, json),
                xml ? Open311Format.XML : Open311Format.JSON).build();
    }

    /** Open311 clients expect the specification's own error list, in the format the address asked for. */
    @ServerExceptionMapper
    public Response refused(Open311Exception e, UriInfo uri) {
        return error(uri, e.code(), e.getMessage()).build();
    }

    /** Shared failures (a rate limit, a 503) also reach Open311 clients as its error list, with Retry-After. */
    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder reply = error(uri, e.status(), e.getMessage());
        if (e.retryAfter() != null) {
            reply.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return reply.build();
    }

    private Response.ResponseBuilder error(UriInfo uri, int code, String description) {
        boolean xml = uri.getPath().endsWith(".xml");
        return Response.status(code).type(xml ? Open311Format.XML : Open311Format.JSON)
                .entity(Open311Format.render(xml, new Open311Documents.Errors(
                        List.of(new Open311Documents.Error(code, description))), json));
    }

    private static Map<String, String> single(MultivaluedMap<String, String> values) {
        Map<String, String> out = new HashMap<>();
        if (values != null) {
            values.forEach((k, v) -> out.put(k, v == null || v.isEmpty() ? null : v.get(0)));
        }
        return out;
    }
}
