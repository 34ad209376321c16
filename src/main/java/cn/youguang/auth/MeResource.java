package cn.youguang.auth;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's own account. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class MeResource {

    private final AccountService accounts;
    private final InvitationService invitations;
    private final Consents consents;
    private final CurrentUser me;

    public MeResource(AccountService accounts, InvitationService invitations, Consents consents, CurrentUser me) {
        this.accounts = accounts;
        this.consents = consents;
        this.invitations = invitations;
        this.me = me;
    }

    @GET
    @Authenticated
    @Operation(summary = "Your profile and roles (phone masked)")
    public Profile profile() {
        return accounts.profile(me.id());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Correct the name or unit shown with your club posts")
    @APIResponse(responseCode = "200", description = "Your corrected profile")
    public Profile correct(@NotNull @Valid AuthRequests.ProfileCorrection correction) {
        return accounts.correct(me.id(), correction);
    }

    @GET
    @Path("/consents")
    @Authenticated
    @Operation(summary = "Your consents, newest first; current is false for those given under an older guide")
    public java.util.List<Consents.Consent> consents() {
        return consents.of(me.id());
    }

    @POST
    @Path("/phone")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "Bind the phone number from a getPhoneNumber button code; stored encrypted")
    @APIResponse(responseCode = "200", description = "Your profile with the masked number")
    @APIResponse(responseCode = "400", description = "The code is malformed, invalid or expired")
    @APIResponse(responseCode = "422", description = "consentVersion is missing or not the privacy guide in force")
    public Profile bindPhone(@NotNull @Valid AuthRequests.PhoneBinding binding) {
        return accounts.bindPhone(me.id(), binding.code(), binding.consentVersion());
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR, Role.REVIEWER, Role.MODERATOR, Role.DISPATCHER, Role.INSPECTOR, Role.ADMIN,
            Role.HANDLER, Role.SUPERIOR})
    @Operation(summary = "Change your console password; your other sign-ins end")
    @APIResponse(responseCode = "200", description = "New tokens for this sign-in")
    public TokenPair changePassword(@NotNull @Valid AuthRequests.PasswordChange change) {
        return accounts.changePassword(me.id(), change.currentPassword(), change.newPassword());
    }

    @POST
    @Path("/cadre")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CITIZEN)
    @Operation(summary = "Become a verified cadre with an invitation code")
    @APIResponse(responseCode = "200", description = "New tokens that carry the cadre role")
    @APIResponse(responseCode = "400", description = "The code is unknown, expired or already used")
    public TokenPair redeem(@NotNull @Valid AuthRequests.CadreRedemption redemption) {
        return invitations.redeem(me.id(), redemption.code(), redemption.displayName(), redemption.unit());
    }
}
