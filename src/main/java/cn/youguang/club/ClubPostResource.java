package cn.youguang.club;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.HttpCaching;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Duration;

/** The reading club's posts: the public feed and a post's page; cadres write, like and comment; anyone signed in flags. */
@Path("/api/club/posts")
@Produces(MediaType.APPLICATION_JSON)
public class ClubPostResource {

    private static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final ClubFeed feed;
    private final PostService posts;
    private final CommentService comments;
    private final HttpCaching caching;
    private final CurrentUser me;

    public ClubPostResource(ClubFeed feed, PostService posts, CommentService comments, HttpCaching caching, CurrentUser me) {
        this.feed = feed;
        this.posts = posts;
        this.comments = comments;
        this.caching = caching;
        this.me = me;
    }

    @GET
    @PermitAll
    @Operation(summary = "Public reading notes: sort=latest (by publication, newest first) or hot (a ranking snapshot,"
            + " recomputed every 10 minutes); keyset pages {items: [ClubViews.Post], nextCursor}")
    @APIResponse(responseCode = "200", description = "A page of posts; pass nextCursor as cursor for the next")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Malformed sort, tag, list, limit or cursor, or an expired hot cursor")
    public Response feed(@Parameter(description = "latest (default) or hot") @QueryParam("sort") String sort,
                         @Parameter(description = "only posts with this tag") @QueryParam("tag") String tag,
                         @Parameter(description = "only posts of this book list (id)") @QueryParam("list") String list,
                         @Parameter(description = "page size, 1 to 50 (default 20)") @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ClubFeed.Sort order = QueryParams.enumValue("sort", sort, ClubFeed.Sort.class);
        return caching.ok(feed.feed(order == null ? ClubFeed.Sort.LATEST : order, ClubFeed.Filter.of(tag, list), limit, cursor),
                MAX_AGE);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A public post with the first page of its top-level comments (ClubViews.PostDetail); signed in,"
            + " also liked (whether you like it), in a private reply. An author reads their own pending or rejected"
            + " post at GET /api/club/me/posts/{id}")
    @APIResponse(responseCode = "404", description = "No public post with this id (also deleted, pending, rejected, hidden)")
    public Response get(@PathParam("id") String id, @QueryParam("limit") String limit) {
        Long reader = me.optionalId().orElse(null);
        ClubViews.PostDetail detail = feed.detail(QueryParams.id("id", id), limit, reader);
        if (reader != null) {
            // says whether this reader likes the post: theirs alone, kept by no cache
            return Response.ok(detail).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
        }
        // a shared cache must not answer a signed-in request with this reply, which lacks the reader's like
        return Response.fromResponse(caching.ok(detail, MAX_AGE)).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    @GET
    @Path("/{id}/comments")
    @PermitAll
    @Operation(summary = "Public comments of a post, newest first: top-level ones, or with parent=ID the replies to one")
    public Response comments(@PathParam("id") String id, @QueryParam("parent") String parent,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Long parentId = parent == null || parent.isEmpty() ? null : QueryParams.id("parent", parent);
        return caching.ok(feed.comments(QueryParams.id("id", id), parentId, PageRequest.of(limit, cursor)), MAX_AGE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Write a reading note (cadres). Checked by WeChat before anyone else sees it: the reply's state"
            + " is published, pending (a moderator decides) or rejected (with rejectReason). Images appear once WeChat's"
            + " verdict on each arrives. Idempotency-Key is required: a retry with the same key returns the same post")
    @APIResponse(responseCode = "201", description = "The post as its author sees it (ClubViews.Post with state)")
    @APIResponse(responseCode = "200", description = "A retry: the post the first request made")
    @APIResponse(responseCode = "400", description = "A field is wrong (book.isbn checksum, images, text...): nothing written")
    @APIResponse(responseCode = "429", description = "More than 10 posts in an hour (Retry-After)")
    public Response create(@NotNull @Valid ClubRequests.Post post, @HeaderParam("Idempotency-Key") String key) {
        PostService.Created created = posts.create(me.id(), post, key);
        return created.replayed() ? Response.ok(created.post()).build()
                : Response.created(URI.create("/api/club/posts/" + created.post().id())).entity(created.post()).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Edit one's own post within the edit window (24 h by default); the edit is checked again")
    @APIResponse(responseCode = "409", description = "The edit window has closed, or a moderator took the post down")
    public ClubViews.Post edit(@PathParam("id") String id, @NotNull @Valid ClubRequests.Post post) {
        return posts.edit(me.id(), QueryParams.id("id", id), post);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Delete one's own post: gone from every public view, kept for moderators")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        posts.delete(me.id(), QueryParams.id("id", id));
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/like")
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Like a public post; liking again changes nothing")
    @APIResponse(responseCode = "404", description = "No public post with this id (field id)")
    public ClubViews.Like like(@PathParam("id") String id) {
        return posts.like(me.id(), QueryParams.id("id", id), true);
    }

    @DELETE
    @Path("/{id}/like")
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Take one's like back")
    public ClubViews.Like unlike(@PathParam("id") String id) {
        return posts.like(me.id(), QueryParams.id("id", id), false);
    }

    @POST
    @Path("/{id}/flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "Flag a post for moderators, with a reason; enough distinct flags (3 by default) hide it pending review")
    public ClubViews.FlagReceipt flag(@PathParam("id") String id, @NotNull @Valid ClubRequests.Flag flag) {
        return posts.flag(me.id(), QueryParams.id("id", id), flag.reason());
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Comment on a public post, or reply to a top-level comment (parentId); checked by WeChat like"
            + " posts. Idempotency-Key is required")
    @APIResponse(responseCode = "201", description = "The comment as its author sees it (ClubViews.Comment with state)")
    @APIResponse(responseCode = "429", description = "More than 60 comments in an hour (Retry-After)")
    public Response comment(@PathParam("id") String id, @NotNull @Valid ClubRequests.Comment comment,
                            @HeaderParam("Idempotency-Key") String key) {
        CommentService.Created created = comments.create(me.id(), QueryParams.id("id", id), comment, key);
        return Response.status(created.replayed() ? 200 : 201).entity(created.comment()).build();
    }
}
