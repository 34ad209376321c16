package cn.youguang.media;

import cn.youguang.common.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files a person uploaded. On deletion the uploads that were never used go; the rest lose their owner and stay
 * with what uses them (a report's evidence; club images follow the club's own rule).
 */
@ApplicationScoped
public class UploadPersonalData implements PersonalData {

    private static final Duration LINK = Duration.ofHours(1);

    private final EntityManager em;
    private final ObjectStore store;

    public UploadPersonalData(EntityManager em, ObjectStore store) {
        this.em = em;
        this.store = store;
    }

    @Override
    public String section() {
        return "uploads";
    }

    @Override
    public Object copyOf(long userId) {
        return em.createQuery("select u from MediaUpload u where u.ownerId = :user order by u.createdAt, u.id", MediaUpload.class)
                .setParameter("user", userId).getResultStream().map(u -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", u.getId());
                    item.put("kind", u.getKind().name().toLowerCase(java.util.Locale.ROOT));
                    item.put("filename", u.getFilename());
                    item.put("status", u.getStatus().name().toLowerCase(java.util.Locale.ROOT));
                    item.put("uploadedAt", u.getCreatedAt());
                    item.put("takenAt", u.getTakenAt());
                    item.put("latitude", u.getLatitude());
                    item.put("longitude", u.getLongitude());
                    item.put("url", u.getStatus() == MediaUpload.Status.VERIFIED ? store.presignedGet(u.getObjectKey(), LINK) : null);
                    return item;
                }).toList();
    }

    @Override
    public List<String> erase(long userId) {
        List<String> unused = em.createQuery("select u.id from MediaUpload u where u.ownerId = :user and u.status <> :verified",
                String.class).setParameter("user", userId).setParameter("verified", MediaUpload.Status.VERIFIED).getResultList();
        em.createQuery("update MediaUpload u set u.ownerId = null where u.ownerId = :user").setParameter("user", userId)
                .executeUpdate();
        return unused;
    }
}
