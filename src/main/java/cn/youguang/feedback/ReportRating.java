package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** 满意度评价: the reporter's rating of a closed report; one per report, changed in place within the window. */
@Entity
@Table(name = "report_rating")
public class ReportRating {

    @Id
    @Column(name = "report_id")
    private Long reportId;

    @Column(nullable = false)
    private int score;

    @Column(length = 300)
    private String comment;

    /** approved or pending_review (WeChat's text check); null without a comment or for a supervision report */
    @Column(name = "comment_state", length = 16)
    private String commentState;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected ReportRating() {
    }

    ReportRating(long reportId, Instant now) {
        this.reportId = reportId;
        this.ratedAt = now;
        this.changedAt = now;
    }

    void rate(int score, String comment, String commentState, Instant now) {
        this.score = score;
        this.comment = comment;
        this.commentState = commentState;
        this.changedAt = now;
    }

    public Long getReportId() {
        return reportId;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public String getCommentState() {
        return commentState;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
