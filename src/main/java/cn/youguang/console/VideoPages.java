package cn.youguang.console;

import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import cn.youguang.video.VideoService;
import cn.youguang.video.VideoStatus;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Locale;

/** Videos as editors follow them: processing status, poster, whether the mini-program can play them and why not. */
@Path("/admin/videos")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.EDITOR, Role.REVIEWER, Role.ADMIN})
public class VideoPages {

    /** A value and its label, for the status filter. */
    public record Option(String value, String label) {
    }

    private final VideoService videos;
    private final ConsoleUser me;
    private final Template page;

    public VideoPages(VideoService videos, ConsoleUser me, @Location("console/videos.html") Template page) {
        this.videos = videos;
        this.me = me;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        VideoStatus s = null;
        if (status != null && !status.isEmpty()) {
            try {
                s = VideoStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be uploaded, processing, ready or failed");
            }
        }
        return page.data("me", me).data("active", "/admin/videos").data("status", status == null ? "" : status)
                .data("page", videos.all(s, PageRequest.of("20", cursor))).data("labels", new Words())
                .data("statuses", java.util.Arrays.stream(VideoStatus.values()).map(v -> new Option(
                        v.name().toLowerCase(Locale.ROOT), new Words().videoStatus(v))).toList());
    }
}
