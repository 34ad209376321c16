package cn.youguang.wechat;

import cn.youguang.common.Role;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What the console shows of subscribe-message sends. */
@Path("/api/admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = "jwt")
public class NotificationResource {

    private final Notifications notifications;

    public NotificationResource(Notifications notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(summary = "Subscribe-message sends, newest first, by status (sent, not_authorized, failed)")
    public Page<Notifications.Sent> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        return notifications.list(QueryParams.enumValue("status", status, NotificationSend.Status.class),
                PageRequest.of(limit, cursor));
    }
}
