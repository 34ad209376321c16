package cn.youguang.console;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AccountService;
import cn.youguang.auth.Profile;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.feedback.FeedbackConfig;
import cn.youguang.feedback.HandlingUnits;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/**
 * 承办单位管理 for admins, as /api/admin/handling-units: the units dispatchers send street reports to, retired or in
 * use, and which handler accounts work each unit's desk. HandlingUnits checks names, districts and members.
 */
@Path("/admin/handling-units")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class HandlingUnitPages {

    private final HandlingUnits units;
    private final AccountService accounts;
    private final FeedbackConfig config;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template page;

    public HandlingUnitPages(HandlingUnits units, AccountService accounts, FeedbackConfig config, Forms forms,
                             ConsoleUser me, @Location("console/handling-units.html") Template page) {
        this.units = units;
        this.accounts = accounts;
        this.config = config;
        this.forms = forms;
        this.me = me;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return page(null, List.of(), "", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@RestForm String name, @RestForm String district) {
        try {
            units.create(forms.valid(new HandlingUnits.UnitRequest(name, blankToNull(district), true)));
            return Forms.seeOther("/admin/handling-units");
        } catch (ProblemException e) {
            return Forms.page(e.status(), page(Labels.problem(e), Forms.fields(e), name, district));
        }
    }

    /** Retire a unit (dispatchers can no longer pick it; its reports stay) or put it back in use. */
    @POST
    @Path("/{id}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response active(@PathParam("id") String id, @RestForm String active) {
        long unitId = QueryParams.id("id", id);
        HandlingUnits.UnitView unit = units.list(false).stream().filter(u -> u.id() == unitId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Handling unit " + unitId));
        units.change(unitId, forms.valid(new HandlingUnits.UnitRequest(unit.name(), unit.district(),
                QueryParams.flag("active", active))));
        return Forms.seeOther("/admin/handling-units");
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addMember(@PathParam("id") String id, @RestForm String userId) {
        long unitId = QueryParams.id("id", id);
        try {
            units.addMember(unitId, QueryParams.id("userId", userId));
            return Forms.seeOther("/admin/handling-units");
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Forms.page(e.status(), page(Labels.problem(e), Forms.fields(e), "", ""));
        }
    }

    @POST
    @Path("/{id}/members/{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        units.removeMember(QueryParams.id("id", id), QueryParams.id("userId", userId));
        return Forms.seeOther("/admin/handling-units");
    }

    private TemplateInstance page(String problem, List<String> fields, String name, String district) {
        // the first page of handler accounts (50): enough for a bureau's units; more are added through the API
        List<Profile> handlers = accounts.list(AccountKind.STAFF, Role.HANDLER,
                PageRequest.of(String.valueOf(PageRequest.MAX_LIMIT), null)).items();
        return page.data("me", me).data("active", "/admin/handling-units").data("units", units.list(false))
                .data("handlers", handlers).data("districts", config.districts()).data("problem", problem)
                .data("fields", fields).data("name", name == null ? "" : name).data("district", district == null ? "" : district);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
