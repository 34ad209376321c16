package cn.youguang.wechat;

import cn.youguang.auth.Role;
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

import java.time.Instant;

/** What the console shows of subscribe-message sends. */
@Path("/api/admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = "jwt")
public class NotificationResource {

    /** A send as listed; the recipient's openid is never shown. */
    public record Sent(long id, Long userId, String templateKey, String page, NotificationSend.Status status,
                       Integer errorCode, Instant sentAt) {
    }

    private final Notifications notifications;

    public NotificationResource(Notifications notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(summary = "Subscribe-message sends, newest first, by status (sent, not_authorized, failed)")
    public Page<Sent> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                           @QueryParam("cursor") String cursor) {
        Page<NotificationSend> page = notifications.list(
                QueryParams.enumValue("status", status, NotificationSend.Status.class), PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(n -> new Sent(n.getId(), n.getUserId(), n.getTemplateKey(),
                n.getPage(), n.getStatus(), n.getErrorCode(), n.getSentAt())).toList(), page.nextCursor());
    }
}
