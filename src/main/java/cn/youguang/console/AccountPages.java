package cn.youguang.console;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AccountService;
import cn.youguang.auth.AuthConfig;
import cn.youguang.auth.AuthRequests;
import cn.youguang.auth.Profile;
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

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staff accounts, for admins, through AccountService as /api/admin/users: create, roles, disable and re-enable,
 * password reset. Separation of duties and the two-person inspector grant are the service's; the form says them.
 */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AccountPages {

    /** Staff roles in the order the form shows them. */
    static final List<String> ROLES = List.of(Role.EDITOR, Role.REVIEWER, Role.MODERATOR, Role.DISPATCHER,
            Role.INSPECTOR, Role.ADMIN);

    private final AccountService accounts;
    private final AuthConfig auth;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template list;
    private final Template detail;

    public AccountPages(AccountService accounts, AuthConfig auth, Forms forms, ConsoleUser me,
                        @Location("console/accounts.html") Template list,
                        @Location("console/account.html") Template detail) {
        this.accounts = accounts;
        this.auth = auth;
        this.forms = forms;
        this.me = me;
        this.list = list;
        this.detail = detail;
    }

    /** A role and whether the form ticks it. */
    public record RoleChoice(String value, String label, boolean checked) {
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("role") String role, @QueryParam("cursor") String cursor) {
        return listPage(role, cursor, "", "", "", Set.of(), null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String unit,
                           @RestForm String password, @RestForm("roles") List<String> roles) {
        Set<String> chosen = roles == null ? Set.of() : new TreeSet<>(roles);
        try {
            AuthRequests.NewStaffAccount request = forms.valid(new AuthRequests.NewStaffAccount(
                    username == null ? null : username.strip(), password, displayName,
                    unit == null || unit.isBlank() ? null : unit, chosen));
            Profile created = accounts.createStaff(me.id(), request);
            return Forms.seeOther("/admin/accounts/" + created.id() + "?created=1");
        } catch (ProblemException e) {
            return Forms.page(e.status(), listPage(null, null, username, displayName, unit, chosen, Labels.problem(e),
                    Forms.fields(e)));
        }
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("created") String created,
                                 @QueryParam("done") String done) {
        Profile profile = accounts.get(QueryParams.id("id", id));
        String notice = created != null ? "账号已创建。" : done != null ? "已保存。" : null;
        return detailPage(profile, notice, null, List.of());
    }

    @POST
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response roles(@PathParam("id") String id, @RestForm("roles") List<String> roles) {
        long account = QueryParams.id("id", id);
        return change(account, new AuthRequests.AccountChange(roles == null ? Set.of() : new TreeSet<>(roles), null, null,
                null, null));
    }

    @POST
    @Path("/{id}/disabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response disabled(@PathParam("id") String id, @RestForm String disabled) {
        return change(QueryParams.id("id", id), new AuthRequests.AccountChange(null, "true".equals(disabled), null, null, null));
    }

    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response password(@PathParam("id") String id, @RestForm String password) {
        long account = QueryParams.id("id", id);
        try {
            AuthRequests.PasswordReset reset = forms.valid(new AuthRequests.PasswordReset(password));
            accounts.resetPassword(account, reset.password());
            return Forms.seeOther("/admin/accounts/" + account + "?done=1");
        } catch (ProblemException e) {
            return Forms.page(e.status(), detailPage(accounts.get(account), null, Labels.problem(e), Forms.fields(e)));
        }
    }

    private Response change(long account, AuthRequests.AccountChange change) {
        try {
            accounts.change(me.id(), account, forms.valid(change));
            return Forms.seeOther("/admin/accounts/" + account + "?done=1");
        } catch (ProblemException e) {
            return Forms.page(e.status(), detailPage(accounts.get(account), null, Labels.problem(e), Forms.fields(e)));
        }
    }

    private TemplateInstance listPage(String role, String cursor, String username, String displayName, String unit,
                                      Set<String> chosen, String problem, List<String> fields) {
        String r = role == null || role.isEmpty() || !Role.STAFF.contains(role) ? null : role;
        return list.data("me", me).data("active", "/admin/accounts")
                .data("page", accounts.list(AccountKind.STAFF, r, PageRequest.of("50", cursor)))
                .data("role", r == null ? "" : r).data("roles", choices(chosen))
                .data("username", username == null ? "" : username).data("displayName", displayName == null ? "" : displayName)
                .data("unit", unit == null ? "" : unit).data("problem", problem).data("fields", fields)
                .data("minPassword", auth.minPasswordLength()).data("labels", new Words());
    }

    private TemplateInstance detailPage(Profile profile, String notice, String problem, List<String> fields) {
        return detail.data("me", me).data("active", "/admin/accounts").data("account", profile)
                .data("roles", choices(Set.copyOf(profile.roles()))).data("notice", notice).data("problem", problem)
                .data("fields", fields).data("minPassword", auth.minPasswordLength()).data("labels", new Words());
    }

    private static List<RoleChoice> choices(Set<String> chosen) {
        return ROLES.stream().map(r -> new RoleChoice(r, Labels.role(r), chosen.contains(r))).toList();
    }
}
