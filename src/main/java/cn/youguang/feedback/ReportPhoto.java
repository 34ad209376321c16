package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A photo of a report: the citizen's (BEFORE) or the handler's proof of the result (AFTER). */
@Embeddable
public class ReportPhoto {

    public enum Stage { BEFORE, AFTER }

    @Column(name = "upload_id", nullable = false, length = 36)
    private String uploadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Stage stage;

    protected ReportPhoto() {
    }

    public ReportPhoto(String uploadId, Stage stage) {
        this.uploadId = uploadId;
        this.stage = stage;
    }

    public String getUploadId() {
        return uploadId;
    }

    public Stage getStage() {
        return stage;
    }
}
