package cn.youguang.console;

import cn.youguang.club.BookListService;
import cn.youguang.club.ClubRequests;
import cn.youguang.club.ClubViews;
import cn.youguang.club.ModerationService;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
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

import java.util.ArrayList;
import java.util.List;

/** The reading club's moderators: the queue and its decisions, and book lists; as /api/club/moderation does. */
@Path("/admin/club")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR)
public class ClubPages {

    private final ModerationService moderation;
    private final BookListService lists;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template queue;
    private final Template bookLists;

    public ClubPages(ModerationService moderation, BookListService lists, Forms forms, ConsoleUser me,
                     @Location("console/club-queue.html") Template queue,
                     @Location("console/club-lists.html") Template bookLists) {
        this.moderation = moderation;
        this.lists = lists;
        this.forms = forms;
        this.me = me;
        this.queue = queue;
        this.bookLists = bookLists;
    }

    @GET
    @Path("/queue")
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
                                  @QueryParam("post") String post) {
        String k = "comment".equals(kind) ? "comment" : "post";
        ClubViews.QueueItem looked = post == null || post.isEmpty() ? null : moderation.post(QueryParams.id("post", post));
        return queue.data("me", me).data("active", "/admin/club/queue").data("kind", k)
                .data("page", moderation.queue(k, PageRequest.of("20", cursor))).data("looked", looked)
                .data("labels", new Words());
    }

    @POST
    @Path("/{kind}/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("kind") String kind, @PathParam("id") String id, @RestForm String action,
                           @RestForm String reason, @RestForm String back) {
        ClubRequests.Decision decision = forms.valid(new ClubRequests.Decision(action, reason));
        long target = QueryParams.id("id", id);
        switch (kind) {
            case "posts" -> moderation.decidePost(me.id(), target, decision);
            case "comments" -> moderation.decideComment(me.id(), target, decision);
            default -> throw ProblemException.notFound("Kind " + kind);
        }
        return Forms.seeOther("posts".equals(kind) && "post".equals(back) ? "/admin/club/queue?post=" + target
                : "/admin/club/queue?kind=" + ("posts".equals(kind) ? "post" : "comment"));
    }

    @GET
    @Path("/lists")
    @Operation(hidden = true)
    public TemplateInstance lists(@QueryParam("cursor") String cursor, @QueryParam("edit") String edit) {
        ClubViews.BookList editing = null;
        if (edit != null && !edit.isEmpty()) {
            editing = lists.detail(QueryParams.id("edit", edit), "1").list();
        }
        return listsPage(cursor, editing, editing == null ? "" : editing.title(),
                editing == null ? "" : nullToEmpty(editing.description()), editing == null ? "" : booksText(editing.books()),
                null, List.of());
    }

    @POST
    @Path("/lists")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveList(@RestForm String id, @RestForm String title, @RestForm String description,
                             @RestForm String books) {
        ClubViews.BookList editing = id == null || id.isEmpty() ? null : lists.detail(QueryParams.id("id", id), "1").list();
        try {
            ClubRequests.BookList request = forms.valid(new ClubRequests.BookList(title, description, parseBooks(books)));
            if (editing == null) {
                lists.create(me.id(), request);
            } else {
                lists.update(editing.id(), request);
            }
            return Forms.seeOther("/admin/club/lists");
        } catch (ProblemException e) {
            return Forms.page(e.status(), listsPage(null, editing, title, description, books, Labels.problem(e), Forms.fields(e)));
        }
    }

    private TemplateInstance listsPage(String cursor, ClubViews.BookList editing, String title, String description,
                                       String books, String problem, List<String> fields) {
        return bookLists.data("me", me).data("active", "/admin/club/lists")
                .data("page", lists.list(PageRequest.of("20", cursor))).data("editing", editing)
                .data("title", nullToEmpty(title)).data("description", nullToEmpty(description))
                .data("books", nullToEmpty(books)).data("problem", problem).data("fields", fields)
                .data("labels", new Words());
    }

    /** One book a line: title | author | ISBN (the ISBN may be left out). */
    static List<ClubRequests.Book> parseBooks(String text) {
        List<ClubRequests.Book> books = new ArrayList<>();
        if (text == null) {
            return books;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[|｜]", -1);
            books.add(new ClubRequests.Book(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "",
                    parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null));
        }
        return books;
    }

    private static String booksText(List<ClubViews.Book> books) {
        StringBuilder text = new StringBuilder();
        for (ClubViews.Book b : books) {
            text.append(b.title()).append(" | ").append(b.author());
            if (b.isbn() != null) {
                text.append(" | ").append(b.isbn());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
