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
    private final CurrentUser me;

    public StaffReminderResource(StaffReminders reminders, CurrentUser me) {
        this.reminders = reminders;
        this.me = me;
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
