package cn.youguang.feedback;

import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** 承办单位 kept by admins: the units, and which handler accounts belong to each. */
@Path("/api/admin/handling-units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class HandlingUnitAdminResource {

    private final HandlingUnits units;

    public HandlingUnitAdminResource(HandlingUnits units) {
        this.units = units;
    }

    @GET
    @Operation(summary = "Every handling unit, retired ones too, with its members")
    public List<HandlingUnits.UnitView> list() {
        return units.list(false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a handling unit (name unique, district one of the configured districts)")
    public Response create(@NotNull @Valid HandlingUnits.UnitRequest request) {
        return Response.status(Response.Status.CREATED).entity(units.create(request)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a unit, change its district, retire or reactivate it")
    public HandlingUnits.UnitView change(@PathParam("id") String id, @NotNull @Valid HandlingUnits.UnitRequest request) {
        return units.change(QueryParams.id("id", id), request);
    }

    @PUT
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Make a handler account a member of this unit (it leaves any other)")
    public HandlingUnits.UnitView addMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        return units.addMember(QueryParams.id("id", id), QueryParams.id("userId", userId));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Take a handler out of this unit")
    public HandlingUnits.UnitView removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        return units.removeMember(QueryParams.id("id", id), QueryParams.id("userId", userId));
    }
}
