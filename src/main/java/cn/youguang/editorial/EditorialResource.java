package cn.youguang.editorial;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.content.Stage;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's API for stories, articles and collections ({kind} is one of those three words): drafts included,
 * with review, schedules, revisions and soft delete. Every change takes the version it started from.
 */
@Path("/api/editorial")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.EDITOR, Role.REVIEWER, Role.ADMIN})
@SecurityRequirement(name = "jwt")
public class EditorialResource {

    private final EditorialService editorial;
    private final Workflow workflow;
    private final CurrentUser me;
    private final JsonWebToken token;
    private final PreviewTokens previews;

    public EditorialResource(EditorialService editorial, Workflow workflow, CurrentUser me, JsonWebToken token,
                             PreviewTokens previews) {
        this.previews = previews;
        this.editorial = editorial;
        this.workflow = workflow;
        this.me = me;
        this.token = token;
    }

    @GET
    @Path("/review-steps")
    @Operation(summary = "The review chain, in order: each step's name and the role that passes it")
    public List<Workflow.Step> steps() {
        return workflow.steps();
    }

    @GET
    @Path("/{kind}")
    @Operation(summary = "Entries of a kind, drafts included, most recently changed first (keyset pagination)")
    public Page<EditorialViews.Summary> list(@PathParam("kind") String kind,
                                             @Parameter(description = "draft, in_review, approved, scheduled, published, unpublished or archived")
                                             @QueryParam("stage") String stage,
                                             @Parameter(description = "true lists soft-deleted entries") @QueryParam("deleted") String deleted,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Stage parsed = null;
        if (stage != null && !stage.isEmpty()) {
            parsed = Stage.parse(stage);
            if (parsed == null) {
                throw ProblemException.invalid("stage", "must be one of draft, in_review, approved, scheduled, published, unpublished, archived");
            }
        }
        return editorial.list(kind, parsed, Boolean.TRUE.equals(QueryParams.flag("deleted", deleted)), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft from front matter and Markdown; rendered now, exactly as an imported file")
    public Response create(@PathParam("kind") String kind, @NotNull @Valid EntryRequest request, @Context UriInfo uri) {
        EditorialViews.Entry created = editorial.create(kind, me.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(workflow.get(kind, created.id())).build();
    }

    @GET
    @Path("/{kind}/{id}")
    @Operation(summary = "One entry with its front matter, Markdown, rendering, stage, review step and schedules")
    public EditorialViews.Entry get(@PathParam("kind") String kind, @PathParam("id") String id) {
        return workflow.get(kind, QueryParams.id("id", id));
    }

    @PUT
    @Path("/{kind}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save front matter and Markdown over the version sent; a newer version is a 409 naming both")
    public EditorialViews.Entry update(@PathParam("kind") String kind, @PathParam("id") String id,
                                       @NotNull @Valid EntryRequest request) {
        long entryId = QueryParams.id("id", id);
        editorial.update(kind, entryId, me.id(), request);
        return workflow.get(kind, entryId);
    }

    @DELETE
    @Path("/{kind}/{id}")
    @Operation(summary = "Soft delete: hidden from the public, kept with its revisions; restore brings it back")
    public EditorialViews.Entry delete(@PathParam("kind") String kind, @PathParam("id") String id,
                                       @QueryParam("version") String version) {
        long entryId = QueryParams.id("id", id);
        editorial.delete(kind, entryId, me.id(), version == null ? null : QueryParams.id("version", version));
        return workflow.get(kind, entryId);
    }

    @POST
    @Path("/{kind}/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Undo a soft delete")
    public EditorialViews.Entry restore(@PathParam("kind") String kind, @PathParam("id") String id,
                                        @NotNull @Valid EditorialRequests.Versioned request) {
        long entryId = QueryParams.id("id", id);
        editorial.restore(kind, entryId, me.id(), request.version());
        return workflow.get(kind, entryId);
    }

    @PUT
    @Path("/collections/{id}/stories")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reorder (or change) a collection's stories, by slug")
    public EditorialViews.Entry reorder(@PathParam("id") String id, @NotNull @Valid EditorialRequests.Order request) {
        long entryId = QueryParams.id("id", id);
        editorial.reorder(entryId, me.id(), request.version(), request.stories());
        return workflow.get("collections", entryId);
    }

    @POST
    @Path("/{kind}/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move to a stage: in_review (submit), approved (pass the current review step), draft (send back, with a comment), published, unpublished, archived")
    public EditorialViews.Entry move(@PathParam("kind") String kind, @PathParam("id") String id,
                                     @NotNull @Valid EditorialRequests.Move request) {
        return workflow.transition(kind, QueryParams.id("id", id), me.id(), roles(), request.to(), request.comment(),
                request.version());
    }

    @GET
    @Path("/{kind}/{id}/transitions")
    @Operation(summary = "Every stage change of the entry, oldest first: actor, time, from, to, step, comment")
    public List<EditorialViews.Transition> transitions(@PathParam("kind") String kind, @PathParam("id") String id) {
        return workflow.transitions(kind, QueryParams.id("id", id));
    }

    @POST
    @Path("/{kind}/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish (an approved entry) or unpublish (a published one) at a future time, once")
    public EditorialViews.Entry schedule(@PathParam("kind") String kind, @PathParam("id") String id,
                                         @NotNull @Valid EditorialRequests.Schedule request) {
        return workflow.schedule(kind, QueryParams.id("id", id), me.id(), request.action(), request.at(), request.version());
    }

    @DELETE
    @Path("/{kind}/{id}/schedule/{scheduleId}")
    @Operation(summary = "Cancel a pending scheduled change")
    public EditorialViews.Entry cancelSchedule(@PathParam("kind") String kind, @PathParam("id") String id,
                                               @PathParam("scheduleId") String scheduleId,
                                               @QueryParam("version") String version) {
        return workflow.cancelSchedule(kind, QueryParams.id("id", id), QueryParams.id("scheduleId", scheduleId), me.id(),
                version == null ? null : QueryParams.id("version", version));
    }

    @GET
    @Path("/{kind}/{id}/revisions")
    @Operation(summary = "Every saved state of the entry, newest first")
    public List<EditorialViews.Revision> revisions(@PathParam("kind") String kind, @PathParam("id") String id) {
        return editorial.revisions(kind, QueryParams.id("id", id));
    }

    @GET
    @Path("/{kind}/{id}/revisions/diff")
    @Operation(summary = "Front matter field by field and Markdown line by line between two revisions")
    public EditorialViews.Diff diff(@PathParam("kind") String kind, @PathParam("id") String id,
                                    @QueryParam("from") String from, @QueryParam("to") String to) {
        return editorial.diff(kind, QueryParams.id("id", id), QueryParams.id("from", from), QueryParams.id("to", to));
    }

    @POST
    @Path("/{kind}/{id}/revisions/{revision}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save an earlier revision's front matter and Markdown again, as a new revision")
    public EditorialViews.Entry rollback(@PathParam("kind") String kind, @PathParam("id") String id,
                                         @PathParam("revision") String revision,
                                         @NotNull @Valid EditorialRequests.Versioned request) {
        long entryId = QueryParams.id("id", id);
        editorial.rollback(kind, entryId, QueryParams.id("revision", revision), me.id(), request.version());
        return workflow.get(kind, entryId);
    }

    @POST
    @Path("/{kind}/{id}/preview-token")
    @Operation(summary = "A preview link for the entry as it is now, valid 24 hours unless revoked")
    public Response issue(@PathParam("kind") String kind, @PathParam("id") String id) {
        return Response.status(201).entity(previews.issue(kind, QueryParams.id("id", id), me.id())).build();
    }

    @DELETE
    @Path("/{kind}/{id}/preview-token")
    @Operation(summary = "Revoke every preview link of the entry")
    public Map<String, Integer> revoke(@PathParam("kind") String kind, @PathParam("id") String id) {
        return Map.of("revoked", previews.revokeAll(kind, QueryParams.id("id", id)));
    }

    private Set<String> roles() {
        return token.getGroups();
    }
}
