package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.media.Redirects;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * What the dispatcher's desk (street reports) and the inspector's desk (supervision reports) share: reading the
 * request, the desk of the caller, the reply. Each subclass declares its endpoints with its own address and role:
 * Quarkus merges the class-level roles of every subclass onto an endpoint method they inherit (EndpointRolesTest
 * showed both desks refused), so endpoints are not inherited, only what they do.
 */
public abstract class DeskResource {

    /** The full contact number, revealed on purpose; every other view masks it. */
    public record Contact(String contactPhone) {
    }

    static final String QUEUE = "The queue, newest first (keyset), by status, category, district or overdue";
    static final String DETAIL = "One report with its contact, location, photos and whole timeline";
    static final String PHOTO = "Redirect to a 5-minute presigned URL of one photo";
    static final String CONTACT = "The citizen's full contact number, to call them back (other views show it masked)";
    static final String TRANSITION = "Move the report on: accepted, dispatched, in_progress, closed, rejected,"
            + " transferred, duplicate";
    static final String CONFLICT = "Not a move the lifecycle allows from the current status, or someone moved the"
            + " report meanwhile";

    private final ReportWorkflow workflow;
    private final CurrentUser me;
    private final Channel channel;

    protected DeskResource(ReportWorkflow workflow, CurrentUser me, Channel channel) {
        this.workflow = workflow;
        this.me = me;
        this.channel = channel;
    }

    protected Page<ReportViews.QueueItem> queueOf(String status, String category, String district, String overdue,
                                                String limit, String cursor) {
        ReportWorkflow.Filter filter = new ReportWorkflow.Filter(QueryParams.enumValue("status", status, ReportStatus.class),
                category == null || category.isBlank() ? null : category,
                district == null || district.isBlank() ? null : district, QueryParams.flag("overdue", overdue));
        return workflow.queue(desk(), filter, PageRequest.of(limit, cursor));
    }

    protected ReportViews.StaffDetail detailOf(String id) {
        return workflow.detail(desk(), QueryParams.id("id", id));
    }

    protected Response photoOf(String id, String position) {
        return Redirects.uncached(workflow.photoUrl(desk(), QueryParams.id("id", id), QueryParams.photoPosition(position)));
    }

    protected Contact contactOf(String id) {
        return new Contact(workflow.contact(desk(), QueryParams.id("id", id)));
    }

    protected List<ReportViews.Nearby> nearbyOf(String id) {
        return workflow.nearby(desk(), QueryParams.id("id", id));
    }

    protected ReportViews.StaffDetail move(String id, ReportRequests.Transition transition) {
        return workflow.transition(desk(), QueryParams.id("id", id), transition);
    }

    protected ReportViews.StaffDetail noteOf(String id, ReportRequests.Note note) {
        return workflow.note(desk(), QueryParams.id("id", id), note.note(), note.publicNote() == null || note.publicNote());
    }

    protected ReportViews.StaffDetail returnOf(String id, ReportRequests.Return request) {
        return workflow.giveBack(desk(), QueryParams.id("id", id), request.reason());
    }

    protected Page<ReportViews.Transfer> transfersOf(String limit, String cursor) {
        return workflow.transfers(desk(), PageRequest.of(limit, cursor));
    }

    protected long myId() {
        return me.id();
    }

    /** The caller's desk; a handler's is narrowed to their unit. */
    protected ReportWorkflow.Desk desk() {
        return new ReportWorkflow.Desk(me.id(), channel);
    }
}
