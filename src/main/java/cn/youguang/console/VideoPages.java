package cn.youguang.console;

import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.media.MediaKind;
import cn.youguang.media.UploadService;
import cn.youguang.video.VideoRequest;
import cn.youguang.video.VideoService;
import cn.youguang.video.VideoStatus;
import cn.youguang.video.VideoViews;
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

import java.util.Arrays;
import java.util.List;

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
    private final UploadService uploads;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template page;

    public VideoPages(VideoService videos, UploadService uploads, Forms forms, ConsoleUser me,
                      @Location("console/videos.html") Template page) {
        this.videos = videos;
        this.uploads = uploads;
        this.forms = forms;
        this.me = me;
        this.page = page;
    }

    /** The entry form's fields as typed, to show them again beside the service's errors. */
    public record Draft(String title, String description, String uploadId, String tags, String stories,
                        String finderUserName, String feedId) {
        static final Draft EMPTY = new Draft("", "", "", "", "", "", "");
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        return listPage(status, cursor, Draft.EMPTY, null, List.of());
    }

    /**
     * A video entry for an uploaded file (or a 视频号 entry), as POST /api/videos makes it, with that endpoint's
     * role: the service attaches the file and the background processing makes the poster and phone rendition.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.EDITOR)
    @Operation(hidden = true)
    public Response create(@RestForm String title, @RestForm String description, @RestForm String uploadId,
                           @RestForm String tags, @RestForm String stories, @RestForm String finderUserName,
                           @RestForm String feedId) {
        Draft draft = new Draft(text(title), text(description), text(uploadId), text(tags), text(stories),
                text(finderUserName), text(feedId));
        try {
            VideoRequest request = forms.valid(new VideoRequest(blankToNull(draft.title()), blankToNull(draft.description()),
                    words(draft.tags()), words(draft.stories()), blankToNull(draft.uploadId()), null,
                    blankToNull(draft.finderUserName()), blankToNull(draft.feedId())));
            VideoViews.Admin created = videos.create(me.id(), request);
            return Forms.seeOther("/admin/videos#video-" + created.id());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Forms.page(e.status(), listPage(null, null, draft, Labels.problem(e), Forms.fields(e)));
        }
    }

    /** Publishing is the service's: only a ready video (409 otherwise), as POST /api/videos/{id}/publish. */
    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.EDITOR)
    @Operation(hidden = true)
    public Response publish(@PathParam("id") String id) {
        long video = QueryParams.id("id", id);
        videos.publish(video, true);
        return Forms.seeOther("/admin/videos#video-" + video);
    }

    @POST
    @Path("/{id}/unpublish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.EDITOR)
    @Operation(hidden = true)
    public Response unpublish(@PathParam("id") String id) {
        long video = QueryParams.id("id", id);
        videos.publish(video, false);
        return Forms.seeOther("/admin/videos#video-" + video);
    }

    private TemplateInstance listPage(String status, String cursor, Draft draft, String problem, List<String> fields) {
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
                        v.name().toLowerCase(Locale.ROOT), new Words().videoStatus(v))).toList())
                .data("canEdit", me.has(Role.EDITOR)).data("draft", draft).data("problem", problem).data("fields", fields)
                .data("recent", me.has(Role.EDITOR) ? uploads.recentVerified(me.id(), MediaKind.VIDEO, 10) : List.of());
    }

    /** Tags or story slugs as typed: separated by commas (either width), spaces or lines. */
    static List<String> words(String text) {
        return text == null || text.isBlank() ? null
                : Arrays.stream(text.split("[,，、\\s]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
