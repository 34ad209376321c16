package cn.youguang.auth;

import cn.youguang.common.ClientAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Signing in and out. Tokens are ours (RS256 JWT + rotating refresh token), never WeChat's session_key. */
@Path("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class AuthResource {

    private final SignInService signIn;
    private final TokenService tokens;

    public AuthResource(SignInService signIn, TokenService tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    @POST
    @Path("/wechat")
    @Operation(summary = "Sign in from the mini-program with a wx.login code")
    @APIResponse(responseCode = "200", description = "Access and refresh tokens")
    @APIResponse(responseCode = "401", description = "The code is invalid or already used: call wx.login again")
    @APIResponse(responseCode = "503", description = "WeChat is not configured or did not answer (Retry-After)")
    public TokenPair weChat(@NotNull @Valid AuthRequests.WeChatLogin login) {
        return signIn.weChat(login.code());
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in to the console with username and password")
    @APIResponse(responseCode = "200", description = "Access and refresh tokens")
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this username from this network (Retry-After)")
    public TokenPair login(@NotNull @Valid AuthRequests.StaffLogin login,
                           @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest http) {
        return signIn.staff(login.username(), login.password(), ClientAddress.of(http));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; a reused refresh token ends that sign-in")
    @APIResponse(responseCode = "200", description = "New access and refresh tokens")
    @APIResponse(responseCode = "401", description = "Invalid, expired, revoked or reused refresh token")
    public TokenPair refresh(@NotNull @Valid AuthRequests.Refresh refresh) {
        return tokens.refresh(refresh.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the sign-in the refresh token belongs to")
    @APIResponse(responseCode = "204", description = "Signed out (also for unknown tokens)")
    public void logout(@NotNull @Valid AuthRequests.Refresh refresh) {
        tokens.logout(refresh.refreshToken());
    }
}
