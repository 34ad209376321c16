package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in dispatcher's or handler's reminders of reports due within one working day. */
@Path("/api/staff/reminders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DISPATCHER, Role.HANDLER})
public class StaffReminderResource {

    private final StaffReminders reminders;
    private final StaffWeChatLinks links;
    private final CurrentUser me;

    public StaffReminderResource(StaffReminders reminders, StaffWeChatLinks links, CurrentUser me) {
        this.reminders = reminders;
        this.links = links;
        this.me = me;
    }

    @GET
    @Path("/wechat")
    @Operation(summary = "Whether your reminders also go to your WeChat")
    public StaffWeChatLinks.LinkState linkState() {
        return links.state(me.id());
    }

    @POST
    @Path("/wechat/code")
    @Operation(summary = "A one-time code (10 minutes) to redeem in the mini-program, signed in with your own WeChat,"
            + " so reminders also arrive there")
    public StaffWeChatLinks.LinkCode linkCode() {
        return links.newCode(me.id());
    }

    @jakarta.ws.rs.DELETE
    @Path("/wechat")
    @Operation(summary = "Stop sending your reminders to WeChat (the link is removed)")
    public StaffWeChatLinks.LinkState unlink() {
        return links.unlink(me.id());
    }

    @GET
    @Operation(summary = "Your reminders, newest first (keyset), with the unread count; unread=true for unread ones only")
    public StaffReminders.Reminders list(@QueryParam("unread") String unread, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        return reminders.list(me.id(), Boolean.TRUE.equals(QueryParams.flag("unread", unread)),
                PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of your reminders read")
    public StaffReminders.Reminder read(@PathParam("id") String id) {
        return reminders.read(me.id(), QueryParams.id("id", id));
    }
}
