package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** In the mini-program: a staff member, signed in with their own WeChat, redeems the link code from the console. */
@Path("/api/me/staff-link")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.CITIZEN, Role.CADRE})
public class StaffLinkResource {

    public record Redemption(@NotBlank @Size(max = 20) String code) {
    }

    private final StaffWeChatLinks links;
    private final CurrentUser me;

    public StaffLinkResource(StaffWeChatLinks links, CurrentUser me) {
        this.links = links;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redeem a staff account's link code: its reminders are then also sent to this WeChat")
    public StaffWeChatLinks.LinkState redeem(@NotNull @Valid Redemption redemption) {
        return links.redeem(me.id(), redemption.code());
    }
}
