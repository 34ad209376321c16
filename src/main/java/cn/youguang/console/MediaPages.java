package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.media.MediaConfig;
import cn.youguang.media.MediaKind;
import cn.youguang.media.UploadRequest;
import cn.youguang.media.UploadService;
import cn.youguang.media.UploadTicket;
import cn.youguang.media.UploadView;
import cn.youguang.video.VideoService;
import cn.youguang.video.VideoViews;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/**
 * Uploading from the browser straight to object storage, as the API's clients do: the page asks for a presigned
 * POST policy, the browser sends the file to the store (a progress bar shows it), and the service checks what
 * arrived. The bytes never pass through this service. Roles and limits are those of {@code /api/media/uploads}.
 */
@Path("/admin/media")
@RolesAllowed({Role.EDITOR, Role.CADRE, Role.CITIZEN, Role.DISPATCHER, Role.HANDLER})
public class MediaPages {

    /** Uploads the library lists: the latest, as the picker offers the latest images. */
    static final int LIBRARY = 50;

    private final UploadService uploads;
    private final VideoService videos;
    private final MediaConfig media;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template page;

    public MediaPages(UploadService uploads, VideoService videos, MediaConfig media, Forms forms, ConsoleUser me,
                      @Location("console/media.html") Template page) {
        this.uploads = uploads;
        this.videos = videos;
        this.media = media;
        this.forms = forms;
        this.me = me;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance show() {
        List<UploadView> library = uploads.recent(me.id(), LIBRARY);
        // a video's processing (poster, phone rendition, playability) belongs to its entry, once it has one
        Map<String, VideoViews.Admin> entries = videos.forUploads(library.stream()
                .filter(u -> u.kind() == MediaKind.VIDEO).map(UploadView::id).toList());
        return page.data("me", me).data("library", library).data("videos", entries).data("labels", new Words()).data("active", "/admin/media")
                .data("maxImageMb", media.maxImageBytes() / 1024 / 1024)
                .data("maxVideoMb", media.maxVideoBytes() / 1024 / 1024)
                .data("canImage", me.has(Role.EDITOR) || me.has(Role.CADRE) || me.has(Role.CITIZEN))
                .data("canVideo", me.has(Role.EDITOR))
                .data("canEvidence", me.has(Role.DISPATCHER) || me.has(Role.HANDLER) || me.has(Role.CADRE)
                        || me.has(Role.CITIZEN));
    }

    /** The page's script asks here for where to send the file (form fields, answered as JSON for the script). */
    @POST
    @Path("/uploads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response ticket(@RestForm String kind, @RestForm String filename, @RestForm String size,
                           @RestForm String contentType, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Long bytes = size == null || !size.matches("\\d{1,15}") ? null : Long.valueOf(size);
        UploadRequest request = forms.valid(new UploadRequest(kind, filename, bytes, contentType));
        UploadTicket ticket = uploads.create(me.id(), me.roles(), request, idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(ticket).build();
    }

    @POST
    @Path("/uploads/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public UploadView complete(@PathParam("id") String id) {
        return uploads.complete(me.id(), id);
    }

    @GET
    @Path("/uploads/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public UploadView get(@PathParam("id") String id) {
        return uploads.get(me.id(), id);
    }
}
