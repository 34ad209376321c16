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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;

/** Book lists: moderators curate them; everyone reads them and their posts. */
@Path("/api/club/lists")
@Produces(MediaType.APPLICATION_JSON)
public class BookListResource {

    private final BookListService lists;
    private final HttpCaching caching;
    private final CurrentUser me;

    public BookListResource(BookListService lists, HttpCaching caching, CurrentUser me) {
        this.lists = lists;
        this.caching = caching;
        this.me = me;
    }

    @GET
    @PermitAll
    @Operation(summary = "Book lists, newest first (keyset pages of ClubViews.BookList)")
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return caching.ok(lists.list(PageRequest.of(limit, cursor)), Duration.ofSeconds(60));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A book list with the first page of its posts; more with GET /api/club/posts?list={id}")
    public Response get(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return caching.ok(lists.detail(QueryParams.id("id", id), limit), Duration.ofSeconds(30));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR)
    @Operation(summary = "Make a book list (moderators)")
    public Response create(@NotNull @Valid ClubRequests.BookList list) {
        return Response.status(201).entity(lists.create(me.id(), list)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR)
    @Operation(summary = "Replace a book list's title, description and books (moderators)")
    public ClubViews.BookList update(@PathParam("id") String id, @NotNull @Valid ClubRequests.BookList list) {
        return lists.update(QueryParams.id("id", id), list);
    }
}
