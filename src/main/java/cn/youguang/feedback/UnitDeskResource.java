package cn.youguang.feedback;

import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The active handling units a dispatcher assigns reports to, and how each unit is doing. */
@Path("/api/dispatch/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DISPATCHER, Role.ADMIN})
public class UnitDeskResource {

    private final HandlingUnits units;

    public UnitDeskResource(HandlingUnits units) {
        this.units = units;
    }

    @GET
    @Operation(summary = "Active handling units, to dispatch a report to (unitId)")
    public List<HandlingUnits.UnitView> active() {
        return units.list(true);
    }

    @GET
    @Path("/statistics")
    @Operation(summary = "Per unit: reports received, closed, closed on time, average working days to close, satisfaction")
    public List<HandlingUnits.UnitStatistics> statistics() {
        return units.statistics();
    }
}
