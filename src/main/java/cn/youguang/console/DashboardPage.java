package cn.youguang.console;

import cn.youguang.common.Role;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The first page after sign-in: charts every staff role may see (counts only, nothing personal). */
@Path("/admin/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.EDITOR, Role.REVIEWER, Role.MODERATOR, Role.DISPATCHER, Role.INSPECTOR, Role.ADMIN})
public class DashboardPage {

    private final DashboardFigures figures;
    private final ConsoleUser me;
    private final Template dashboard;

    public DashboardPage(DashboardFigures figures, ConsoleUser me, @Location("console/dashboard.html") Template dashboard) {
        this.figures = figures;
        this.me = me;
        this.dashboard = dashboard;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        DashboardFigures.Counts counts = figures.openAndOverdue();
        return dashboard.data("me", me).data("active", "/admin/dashboard")
                .data("counts", counts)
                .data("perDay", figures.reportsPerDay())
                .data("openOverdue", figures.openAndOverdueChart(counts))
                .data("onTime", figures.closedOnTime())
                .data("stories", figures.topChart("top-stories", "阅读最多的先进典型", figures.topStories()))
                .data("videos", figures.topChart("top-videos", "观看最多的视频", figures.topVideos()))
                .data("club", figures.clubPerWeek());
    }
}
