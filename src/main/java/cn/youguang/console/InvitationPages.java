package cn.youguang.console;

import cn.youguang.auth.AuthRequests;
import cn.youguang.auth.Invitation;
import cn.youguang.auth.InvitationService;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Clock;

/** Cadre invitation codes: issue (the code is shown once, on the page that issued it), list, revoke. */
@Path("/admin/invitations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.MODERATOR})
public class InvitationPages {

    private final InvitationService invitations;
    private final Forms forms;
    private final ConsoleUser me;
    private final Clock clock;
    private final Template page;

    public InvitationPages(InvitationService invitations, Forms forms, ConsoleUser me, Clock clock,
                           @Location("console/invitations.html") Template page) {
        this.invitations = invitations;
        this.forms = forms;
        this.me = me;
        this.clock = clock;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        return page(cursor, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response issue(@RestForm String unit, @RestForm String validDays) {
        try {
            Integer days = validDays == null || validDays.isBlank() ? null
                    : (int) QueryParams.number("validDays", validDays, 1, 90, 14);
            AuthRequests.NewInvitation request = forms.valid(new AuthRequests.NewInvitation(
                    unit == null || unit.isBlank() ? null : unit, days));
            Invitation issued = invitations.issue(me.id(), request.unit(), request.validDays());
            return Forms.page(201, page(null, issued, null));
        } catch (ProblemException e) {
            return Forms.page(e.status(), page(null, null, e.getMessage()));
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id) {
        invitations.revoke(QueryParams.id("id", id));
        return Forms.seeOther("/admin/invitations");
    }

    /** An invitation with the state a person reads. */
    public record Row(Invitation invitation, String state, boolean revocable) {
    }

    private TemplateInstance page(String cursor, Invitation issued, String problem) {
        var now = clock.instant();
        var list = invitations.list(PageRequest.of("30", cursor));
        return page.data("me", me).data("active", "/admin/invitations").data("issued", issued).data("problem", problem)
                .data("rows", list.items().stream().map(i -> new Row(i,
                        i.redeemedAt() != null ? "已使用" : i.expiresAt().isAfter(now) ? "有效" : "已过期或已撤销",
                        i.redeemedAt() == null && i.expiresAt().isAfter(now))).toList())
                .data("nextCursor", list.nextCursor()).data("labels", new Words());
    }
}
