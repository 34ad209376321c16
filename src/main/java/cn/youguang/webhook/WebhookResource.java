package cn.youguang.webhook;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

@Path("/api/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = "jwt")
public class WebhookResource {

    private final WebhookService webhooks;
    private final CurrentUser me;

    public WebhookResource(WebhookService webhooks, CurrentUser me) {
        this.webhooks = webhooks;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a URL for events (published, unpublished, updated); the answer shows the signing secret once")
    public Response register(WebhookService.Registration request) {
        return Response.status(201).entity(webhooks.register(me.id(), request)).build();
    }

    @GET
    @Operation(summary = "Registered webhooks")
    public List<WebhookService.View> list() {
        return webhooks.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a webhook and its delivery records")
    public Response remove(@PathParam("id") String id) {
        webhooks.remove(QueryParams.id("id", id));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The webhook's deliveries, newest first: status, attempts, last response code")
    public List<WebhookService.Delivery> deliveries(@PathParam("id") String id) {
        return webhooks.deliveries(QueryParams.id("id", id));
    }

    @POST
    @Path("/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again")
    public Response replay(@PathParam("deliveryId") String deliveryId) {
        webhooks.replay(QueryParams.id("deliveryId", deliveryId));
        return Response.accepted().build();
    }
}
