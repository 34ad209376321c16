package cn.youguang.feedback;

import cn.youguang.media.MediaUpload;
import cn.youguang.media.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The before and after photos of a street report as its reporter sees them: short-lived links to the JPEG copies
 * the rendition job makes without metadata (a handler's camera and the exact time stay out of the citizen's view;
 * HEIC arrives as JPEG, which every phone shows). A photo whose copy is not made yet, or whose retention ended,
 * is listed without a link.
 */
@ApplicationScoped
class CitizenPhotos {

    /** Long enough to look through a tracking page; reading the report again gives fresh links. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    private final EntityManager em;
    private final ObjectStore store;

    CitizenPhotos(EntityManager em, ObjectStore store) {
        this.em = em;
        this.store = store;
    }

    /**
     * Null for a supervision report: its photos are evidence that inspectors read under audit, and the citizen's
     * reply shows nothing of its content (not even the description).
     */
    List<ReportViews.Photo> of(Report report) {
        if (report.getChannel() != Channel.STREET) {
            return null;
        }
        List<ReportViews.Photo> photos = new ArrayList<>();
        for (int i = 0; i < report.getPhotos().size(); i++) {
            ReportPhoto photo = report.getPhotos().get(i);
            photos.add(new ReportViews.Photo(i, photo.getStage().name().toLowerCase(Locale.ROOT),
                    link(em.find(MediaUpload.class, photo.getUploadId()))));
        }
        return photos;
    }

    private String link(MediaUpload upload) {
        if (upload == null || upload.getPurgedAt() != null
                || upload.getRenditionStatus() != MediaUpload.RenditionStatus.READY) {
            return null;
        }
        List<Integer> widths = upload.renditionWidthList();
        return widths.isEmpty() ? null
                : store.presignedGet(upload.renditionKey(widths.get(widths.size() - 1)), LINK_LIFETIME);
    }
}
