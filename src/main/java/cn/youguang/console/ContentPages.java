package cn.youguang.console;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AccountService;
import cn.youguang.auth.Profile;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.content.ContentConfig;
import cn.youguang.content.MarkdownRenderer;
import cn.youguang.content.Stage;
import cn.youguang.editorial.EditorialRequests;
import cn.youguang.editorial.EditorialService;
import cn.youguang.editorial.EditorialViews;
import cn.youguang.editorial.EntryRequest;
import cn.youguang.editorial.PreviewTokens;
import cn.youguang.editorial.Workflow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import cn.youguang.media.MediaKind;
import cn.youguang.media.UploadService;
import cn.youguang.media.UploadView;
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

import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stories, articles and collections: the list, the editor (front matter and Markdown, preview by the API's own
 * renderer), the review buttons, schedules and revisions. Every change goes through EditorialService and Workflow,
 * exactly as {@code /api/editorial} does, with the roles of that API.
 */
@Path("/admin/content")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.EDITOR, Role.REVIEWER, Role.ADMIN})
public class ContentPages {

    /** Images the picker offers: the editor's latest completed ones (older ones by typing upload:<id>). */
    static final int PICKER = 12;
    private static final List<String> KINDS = List.of("stories", "articles", "collections");
    private static final Map<String, String> TEMPLATES = Map.of(
            "stories", "slug: \ntitle: \nperson: \nrole: \nunit: \ntags: [先进典型]\nsummary: \n",
            "articles", "slug: \ntitle: \nkind: news\ntags: []\nsummary: \n",
            "collections", "slug: \ntitle: \nsummary: \nstories: []\n");

    private final EditorialService editorial;
    private final Workflow workflow;
    private final PreviewTokens previews;
    private final AccountService accounts;
    private final MarkdownRenderer renderer;
    private final Forms forms;
    private final ContentConfig content;
    private final UploadService uploads;
    private final ConsoleUser me;
    private final Template list;
    private final Template editor;
    private final Template revisions;
    private final YAMLMapper yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    public ContentPages(EditorialService editorial, Workflow workflow, PreviewTokens previews, AccountService accounts,
                        MarkdownRenderer renderer, Forms forms, ContentConfig content, UploadService uploads,
                        ConsoleUser me,
                        @Location("console/content-list.html") Template list,
                        @Location("console/content-editor.html") Template editor,
                        @Location("console/content-revisions.html") Template revisions) {
        this.editorial = editorial;
        this.workflow = workflow;
        this.previews = previews;
        this.accounts = accounts;
        this.renderer = renderer;
        this.forms = forms;
        this.content = content;
        this.uploads = uploads;
        this.me = me;
        this.list = list;
        this.editor = editor;
        this.revisions = revisions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("kind") String kind, @QueryParam("stage") String stage,
                                 @QueryParam("author") String author, @QueryParam("cursor") String cursor) {
        String k = kind == null || kind.isEmpty() ? "stories" : kind(kind);
        Stage s = null;
        if (stage != null && !stage.isEmpty()) {
            s = Stage.parse(stage);
            if (s == null) {
                throw ProblemException.invalid("stage", "is not a stage");
            }
        }
        Long authorId = author == null || author.isEmpty() ? null : QueryParams.id("author", author);
        var page = editorial.list(k, s, false, authorId, PageRequest.of("30", cursor));
        List<Profile> authors = accounts.list(AccountKind.STAFF, null, PageRequest.of("50", null)).items();
        return list.data("me", me).data("active", "/admin/content").data("kind", k).data("stage", stage == null ? "" : stage)
                .data("author", author == null ? "" : author).data("page", page).data("authors", authors)
                .data("kinds", KINDS.stream().map(x -> new Option(x, Labels.kind(x))).toList())
                .data("stages", Labels.stages().entrySet().stream().map(e -> new Option(e.getKey(), e.getValue()))
                        .sorted(java.util.Comparator.comparing(Option::value)).toList())
                .data("labels", new Words());
    }

    /**
     * The live preview's fragment: Markdown rendered and sanitized by the API's own renderer, nothing saved. The
     * editor's small script posts here as the text changes (a form post, so the form token is checked as usual).
     */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response preview(@RestForm String body) {
        String markdown = body == null ? "" : body;
        if (markdown.length() > EntryRequest.MAX_BODY) {
            throw ProblemException.invalid("body", "is longer than 1 000 000 characters");
        }
        return Response.ok(renderer.render(markdown).html()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("/{kind}/new")
    @Operation(hidden = true)
    public TemplateInstance blank(@PathParam("kind") String kind) {
        String k = kind(kind);
        return form(k, null, TEMPLATES.get(k), "", null, null, List.of());
    }

    @POST
    @Path("/{kind}/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@PathParam("kind") String kind, @RestForm String frontMatter, @RestForm String body,
                           @RestForm String action) {
        String k = kind(kind);
        if ("preview".equals(action)) {
            return Forms.page(200, form(k, null, frontMatter, body, renderer.render(body == null ? "" : body).html(), null, List.of()));
        }
        if (Picked.isPick(action)) {
            return picked(k, null, frontMatter, body, action);
        }
        try {
            EditorialViews.Entry created = editorial.create(k, me.id(), request(null, frontMatter, body));
            return Response.seeOther(URI.create("/admin/content/" + k + "/" + created.id() + "?saved=1")).build();
        } catch (ProblemException e) {
            return Forms.page(e.status(), form(k, null, frontMatter, body, null, Labels.problem(e), Forms.fields(e)));
        }
    }

    @GET
    @Path("/{kind}/{id}")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("kind") String kind, @PathParam("id") String id,
                                 @QueryParam("saved") String saved, @QueryParam("preview") String previewPath) {
        String k = kind(kind);
        EditorialViews.Entry entry = workflow.get(k, QueryParams.id("id", id));
        TemplateInstance page = form(k, entry, toYaml(entry.frontMatter()), entry.body(), null, null, List.of());
        return page.data("notice", saved != null ? "已保存。" : null).data("previewLink", previewPath);
    }

    @POST
    @Path("/{kind}/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@PathParam("kind") String kind, @PathParam("id") String id, @RestForm String frontMatter,
                         @RestForm String body, @RestForm String version, @RestForm String action) {
        String k = kind(kind);
        long entryId = QueryParams.id("id", id);
        EditorialViews.Entry entry = workflow.get(k, entryId);
        if ("preview".equals(action)) {
            return Forms.page(200, form(k, entry, frontMatter, body, renderer.render(body == null ? "" : body).html(), null, List.of()));
        }
        if (Picked.isPick(action)) {
            return picked(k, entry, frontMatter, body, action);
        }
        try {
            editorial.update(k, entryId, me.id(), request(version, frontMatter, body));
            return Response.seeOther(URI.create("/admin/content/" + k + "/" + entryId + "?saved=1")).build();
        } catch (ProblemException e) {
            return Forms.page(e.status(), form(k, entry, frontMatter, body, null, Labels.problem(e), Forms.fields(e)));
        }
    }

    /** A collection's stories in a new order (or with one taken out), as the API's reorder takes them. */
    @POST
    @Path("/collections/{id}/order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reorder(@PathParam("id") String id, @RestForm("stories") List<String> stories,
                            @RestForm String version) {
        long entryId = QueryParams.id("id", id);
        EditorialRequests.Order order = new EditorialRequests.Order(
                version == null || version.isEmpty() ? null : QueryParams.id("version", version),
                stories == null ? List.of() : stories);
        forms.valid(order);
        editorial.reorder(entryId, me.id(), order.version(), order.stories());
        return Response.seeOther(URI.create("/admin/content/collections/" + entryId + "?saved=1")).build();
    }

    @POST
    @Path("/{kind}/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@PathParam("kind") String kind, @PathParam("id") String id, @RestForm String to,
                         @RestForm String comment, @RestForm String version) {
        String k = kind(kind);
        long entryId = QueryParams.id("id", id);
        EditorialRequests.Move move = new EditorialRequests.Move(to, comment == null || comment.isBlank() ? null : comment,
                version == null || version.isEmpty() ? null : QueryParams.id("version", version));
        forms.valid(move);
        workflow.transition(k, entryId, me.id(), me.roles(), move.to(), move.comment(), move.version());
        return Response.seeOther(URI.create("/admin/content/" + k + "/" + entryId)).build();
    }

    @POST
    @Path("/{kind}/{id}/schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response schedule(@PathParam("kind") String kind, @PathParam("id") String id, @RestForm String action,
                             @RestForm String at, @RestForm String version) {
        String k = kind(kind);
        long entryId = QueryParams.id("id", id);
        java.time.Instant when;
        try {
            when = LocalDateTime.parse(at == null ? "" : at).atZone(content.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("at", "must be a date and time");
        }
        workflow.schedule(k, entryId, me.id(), action, when, QueryParams.id("version", version));
        return Response.seeOther(URI.create("/admin/content/" + k + "/" + entryId)).build();
    }

    @POST
    @Path("/{kind}/{id}/preview-link")
    @Operation(hidden = true)
    public Response previewLink(@PathParam("kind") String kind, @PathParam("id") String id) {
        String k = kind(kind);
        long entryId = QueryParams.id("id", id);
        PreviewTokens.Issued issued = previews.issue(k, entryId, me.id());
        return Response.seeOther(URI.create("/admin/content/" + k + "/" + entryId + "?preview="
                + java.net.URLEncoder.encode(issued.path(), java.nio.charset.StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("/{kind}/{id}/revisions")
    @Operation(hidden = true)
    public TemplateInstance revisions(@PathParam("kind") String kind, @PathParam("id") String id,
                                      @QueryParam("from") String from, @QueryParam("to") String to) {
        String k = kind(kind);
        long entryId = QueryParams.id("id", id);
        EditorialViews.Entry entry = workflow.get(k, entryId);
        List<EditorialViews.Revision> all = editorial.revisions(k, entryId);
        EditorialViews.Diff diff = null;
        if (from != null && to != null) {
            diff = editorial.diff(k, entryId, QueryParams.id("from", from), QueryParams.id("to", to));
        } else if (all.size() >= 2) {
            diff = editorial.diff(k, entryId, all.get(1).id(), all.get(0).id());
        }
        return revisions.data("me", me).data("active", "/admin/content").data("kind", k).data("entry", entry)
                .data("revisions", all).data("diff", diff).data("labels", new Words());
    }

    @POST
    @Path("/{kind}/{id}/revisions/{revision}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rollback(@PathParam("kind") String kind, @PathParam("id") String id,
                             @PathParam("revision") String revision, @RestForm String version) {
        String k = kind(kind);
        long entryId = QueryParams.id("id", id);
        editorial.rollback(k, entryId, QueryParams.id("revision", revision), me.id(), QueryParams.id("version", version));
        return Response.seeOther(URI.create("/admin/content/" + k + "/" + entryId + "?saved=1")).build();
    }

    /**
     * The media picker's buttons post the editor's form with {@code cover:<id>} or {@code insert:<id>}: the text
     * comes back with the image referenced as {@code upload:<id>}, not yet saved, so nothing typed is lost and no
     * script is needed. The upload must be one of the editor's completed images, as the save itself requires.
     */
    private Response picked(String kind, EditorialViews.Entry entry, String frontMatter, String body, String action) {
        String fm = frontMatter == null ? "" : frontMatter;
        String text = body == null ? "" : body.replace("\r\n", "\n");
        try {
            Picked pick = Picked.of(action);
            UploadView image = uploads.view(uploads.verified(me.id(), pick.uploadId(), MediaKind.IMAGE, "upload"));
            String notice;
            if (pick.cover()) {
                fm = Picked.withCover(fm, image.id());
                notice = "已把图片设为封面（基本信息中的 cover），保存后生效。";
            } else {
                text = Picked.withImage(text, image);
                notice = "已在正文末尾插入图片，保存后生效。";
            }
            return Forms.page(200, form(kind, entry, fm, text, renderer.render(text).html(), null, List.of())
                    .data("notice", notice));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Forms.page(e.status(), form(kind, entry, fm, text, null, Labels.problem(e), Forms.fields(e)));
        }
    }

    /** What a media-picker button asks: the cover, or the image in the body. */
    record Picked(boolean cover, String uploadId) {
        private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("(cover|insert):([0-9a-f-]{36})");

        static boolean isPick(String action) {
            return action != null && (action.startsWith("cover:") || action.startsWith("insert:"));
        }

        static Picked of(String action) {
            java.util.regex.Matcher m = ACTION.matcher(action);
            if (!m.matches()) {
                throw ProblemException.invalid("upload", "is not an upload id");
            }
            return new Picked(m.group(1).equals("cover"), m.group(2));
        }

        /** The front matter with its cover line replaced (or added): the rest of the YAML stays as typed. */
        static String withCover(String frontMatter, String uploadId) {
            String line = "cover: upload:" + uploadId;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^cover:.*$").matcher(frontMatter);
            if (m.find()) {
                return frontMatter.substring(0, m.start()) + line + frontMatter.substring(m.end());
            }
            return frontMatter.isEmpty() || frontMatter.endsWith("\n") ? frontMatter + line + "\n" : frontMatter + "\n" + line + "\n";
        }

        /** The body with the image appended as its own paragraph; the alt text is the file's name to be edited. */
        static String withImage(String body, UploadView image) {
            String name = image.filename() == null ? "" : image.filename().replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
            String alt = name.replaceAll("[\\[\\]()\\\\\\s*_`<>!]+", " ").strip();
            String ref = "![" + (alt.isEmpty() ? "图片" : alt) + "](upload:" + image.id() + ")";
            String trimmed = body.stripTrailing();
            return (trimmed.isEmpty() ? "" : trimmed + "\n\n") + ref + "\n";
        }
    }

    /** A value and its label, for select boxes. */
    public record Option(String value, String label) {
    }

    /** A story of a collection, with the orders its up and down buttons send. */
    public record Place(String slug, List<String> up, List<String> down) {
    }

    /** A button the workflow offers: the stage it moves to and its words. */
    public record Move(String to, String label, boolean needsComment) {
    }

    private TemplateInstance form(String kind, EditorialViews.Entry entry, String frontMatter, String body,
                                  String previewHtml, String problem, List<String> fields) {
        List<Move> moves = entry == null ? List.of() : workflow.moves(entry.stage(), entry.reviewStep(), me.roles())
                .stream().map(s -> new Move(s.value(), moveLabel(entry.stage(), s, entry.reviewStep()),
                        entry.stage() == Stage.IN_REVIEW && s == Stage.DRAFT)).toList();
        return editor.data("me", me).data("active", "/admin/content").data("kind", kind).data("entry", entry)
                .data("frontMatter", frontMatter == null ? "" : frontMatter).data("body", body == null ? "" : body)
                .data("previewHtml", previewHtml).data("problem", problem).data("fields", fields)
                .data("moves", moves).data("labels", new Words())
                .data("library", uploads.recentVerified(me.id(), MediaKind.IMAGE, PICKER))
                .data("transitions", entry == null ? List.of() : workflow.transitions(kind, entry.id()))
                .data("notice", null).data("previewLink", null)
                .data("order", "collections".equals(kind) && entry != null ? places(entry.frontMatter().get("stories")) : List.of())
                .data("canSchedulePublish", entry != null && entry.stage() == Stage.APPROVED)
                .data("canScheduleUnpublish", entry != null && (entry.stage() == Stage.PUBLISHED || entry.stage() == Stage.SCHEDULED));
    }

    private static List<Place> places(Object stories) {
        if (!(stories instanceof List<?> list)) {
            return List.of();
        }
        List<String> slugs = list.stream().map(String::valueOf).toList();
        List<Place> places = new java.util.ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            places.add(new Place(slugs.get(i), i == 0 ? null : swapped(slugs, i - 1), i == slugs.size() - 1 ? null : swapped(slugs, i)));
        }
        return places;
    }

    private static List<String> swapped(List<String> slugs, int at) {
        List<String> order = new java.util.ArrayList<>(slugs);
        java.util.Collections.swap(order, at, at + 1);
        return order;
    }

    private static String moveLabel(Stage from, Stage to, EditorialViews.ReviewStep step) {
        return switch (to) {
            case IN_REVIEW -> "提交审核";
            case APPROVED -> "通过" + (step == null ? "" : "（" + step.name() + "）");
            case DRAFT -> from == Stage.IN_REVIEW ? "退回修改" : "转为草稿";
            case PUBLISHED -> "立即发布";
            case UNPUBLISHED -> "撤下";
            case ARCHIVED -> "归档";
            case SCHEDULED -> "定时";
        };
    }

    private EntryRequest request(String version, String frontMatter, String body) {
        EntryRequest request = new EntryRequest();
        request.version = version == null || version.isEmpty() ? null : QueryParams.id("version", version);
        try {
            Map<String, Object> fm = yaml.readValue(frontMatter == null || frontMatter.isBlank() ? "{}" : frontMatter,
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            request.frontMatter = fm == null ? new LinkedHashMap<>() : fm;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("frontMatter", "is not valid YAML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        request.body = body == null ? "" : body.replace("\r\n", "\n");
        forms.valid(request);
        return request;
    }

    private String toYaml(Map<String, Object> frontMatter) {
        try {
            return yaml.writeValueAsString(frontMatter);
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static String kind(String kind) {
        if (!KINDS.contains(kind)) {
            throw ProblemException.notFound("Kind " + kind);
        }
        return kind;
    }
}
