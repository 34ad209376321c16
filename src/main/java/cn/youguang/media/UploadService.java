package cn.youguang.media;

import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Direct uploads: the service hands out a presigned POST policy for a key it chose, the client sends the bytes to
 * the object store, and on completion the service checks the object — size and first bytes — before anyone may
 * use it. A file that is not what it claims is deleted.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);
    private static final int MAGIC_BYTES = 64;

    private final ObjectStore store;
    private final MediaConfig config;
    private final ImageInspector inspector;
    private final EntityManager em;
    private final Clock clock;

    public UploadService(ObjectStore store, MediaConfig config, ImageInspector inspector, EntityManager em, Clock clock) {
        this.store = store;
        this.config = config;
        this.inspector = inspector;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public UploadTicket create(long ownerId, Set<String> roles, UploadRequest request, String idempotencyKey) {
        MediaKind kind = QueryParams.enumValue("kind", request.kind().strip(), MediaKind.class);
        if (kind.roles().stream().noneMatch(roles::contains)) {
            throw ProblemException.forbidden("Your roles may not upload " + kind.name().toLowerCase(Locale.ROOT));
        }
        MediaFormat format = kind.formats().stream()
                .filter(f -> f.mediaType().equalsIgnoreCase(request.contentType().strip())
                        || (f == MediaFormat.HEIC && request.contentType().equalsIgnoreCase("image/heif")))
                .findFirst().orElseThrow(() -> ProblemException.invalid("contentType", "must be one of "
                        + String.join(", ", kind.formats().stream().map(MediaFormat::mediaType).sorted().toList())));
        long max = kind.maxBytes(config);
        if (request.size() > max) {
            throw ProblemException.invalid("size", "exceeds the limit of " + max + " bytes for "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
        String key = cn.youguang.common.IdempotencyKey.optional(idempotencyKey);
        Instant now = clock.instant();
        Instant expires = now.plus(config.uploadExpiry());
        MediaUpload upload = key == null ? null : findByIdempotencyKey(ownerId, key).orElse(null);
        if (upload == null) {
            String id = UUID.randomUUID().toString();
            upload = new MediaUpload(id, kind, ownerId, kind.keyFor(id, format), filename(request.filename()),
                    format.mediaType(), request.size(), key, now, expires, roles.contains(cn.youguang.common.Role.EDITOR));
            em.persist(upload);
        } else if (upload.getStatus() != MediaUpload.Status.PENDING) {
            throw ProblemException.conflict("This upload was already completed; its id is " + upload.getId());
        }
        ObjectStore.PresignedPost post = store.presignedPost(upload.getObjectKey(), upload.getDeclaredType(), max,
                upload.getExpiresAt().isAfter(now) ? upload.getExpiresAt().atZone(ZoneOffset.UTC) : expires.atZone(ZoneOffset.UTC));
        return new UploadTicket(upload.getId(), kind, post.url(), post.fields(), max, upload.getExpiresAt());
    }

    /**
     * Checks the uploaded object. Idempotent: completing a verified upload again answers the same. The object
     * store is read outside any transaction; only the outcome is written.
     */
    public UploadView complete(long ownerId, String id) {
        MediaUpload upload = owned(ownerId, id);
        if (upload.getStatus() == MediaUpload.Status.VERIFIED) {
            return view(upload);
        }
        if (upload.getStatus() != MediaUpload.Status.PENDING) {
            throw ProblemException.conflict("This upload was " + upload.getStatus().name().toLowerCase(Locale.ROOT));
        }
        if (store.stat(upload.getObjectKey()).isEmpty()) {
            throw ProblemException.conflict("No file has arrived for this upload yet; send it to the upload URL first");
        }
        // everything below reads a server-side copy at a key no client policy can write: a second POST to the
        // upload URL after this point changes nothing that is checked or served
        String incoming = upload.getObjectKey();
        String verifiedKey = upload.verifiedKey();
        store.copy(incoming, verifiedKey, upload.getDeclaredType());
        store.delete(incoming);
        QuarkusTransaction.requiringNew().run(() -> em.find(MediaUpload.class, id).storedAt(verifiedKey));
        upload.storedAt(verifiedKey);
        ObjectStore.StoredObject stored = store.stat(verifiedKey).orElseThrow(() ->
                new StorageUnavailableException("stat", new IllegalStateException("the copy is missing")));
        long max = upload.getKind().maxBytes(config);
        if (stored.size() > max || stored.size() == 0) {
            throw reject(upload, "size", "is " + stored.size() + " bytes; the limit is " + max);
        }
        if (stored.size() != upload.getDeclaredSize()) {
            throw reject(upload, "size", "is " + stored.size() + " bytes, not the " + upload.getDeclaredSize() + " declared");
        }
        byte[] head = store.head(upload.getObjectKey(),
                upload.getKind() == MediaKind.VIDEO ? MAGIC_BYTES : ImageInspector.HEADER_BYTES);
        Optional<MediaFormat> detected = MediaFormat.detect(head);
        if (detected.isEmpty() || !detected.get().mediaType().equals(upload.getDeclaredType())) {
            throw reject(upload, "file", "is not a " + upload.getDeclaredType() + " file (its content says "
                    + detected.map(MediaFormat::mediaType).orElse("something else") + ")");
        }
        if (upload.getKind() != MediaKind.VIDEO && !inspector.decodesFully(detected.get(), store.head(verifiedKey, (int) stored.size()))) {
            throw reject(upload, "file", "is not a whole " + upload.getDeclaredType() + " image (it does not decode)");
        }
        ImageInspector.ImageFacts facts = upload.getKind() == MediaKind.VIDEO ? null : inspector.inspect(head);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            MediaUpload current = em.find(MediaUpload.class, id);
            current.verified(stored.size(), detected.get(), now);
            if (facts != null) {
                boolean evidence = current.getKind() == MediaKind.EVIDENCE;
                current.describe(facts.width(), facts.height(), evidence ? facts.takenAt() : null,
                        evidence ? facts.latitude() : null, evidence ? facts.longitude() : null);
            }
            return view(current);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UploadView get(long ownerId, String id) {
        return view(owned(ownerId, id));
    }

    /** A verified upload of this kind owned by this user, for features that attach uploads (videos, reports). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MediaUpload verified(long ownerId, String id, MediaKind kind, String field) {
        MediaUpload upload = findOwned(ownerId, id).orElseThrow(() -> ProblemException.invalid(field, "names no upload of yours"));
        if (upload.getKind() != kind || upload.getStatus() != MediaUpload.Status.VERIFIED) {
            throw ProblemException.invalid(field, "must be a completed " + kind.name().toLowerCase(Locale.ROOT) + " upload");
        }
        return upload;
    }

    /** This user's latest completed uploads of a kind, newest first: what they can attach next. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UploadView> recentVerified(long ownerId, MediaKind kind, int limit) {
        return em.createQuery("select u from MediaUpload u where u.ownerId = :owner and u.kind = :kind"
                        + " and u.status = :verified order by u.createdAt desc, u.id desc", MediaUpload.class)
                .setParameter("owner", ownerId).setParameter("kind", kind)
                .setParameter("verified", MediaUpload.Status.VERIFIED).setMaxResults(limit).getResultList()
                .stream().map(this::view).toList();
    }

    /** This user's latest uploads of every kind and status, newest first: the media library the console lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UploadView> recent(long ownerId, int limit) {
        return em.createQuery("select u from MediaUpload u where u.ownerId = :owner order by u.createdAt desc, u.id desc",
                        MediaUpload.class)
                .setParameter("owner", ownerId).setMaxResults(limit).getResultList().stream().map(this::view).toList();
    }

    /** Uploads whose policy expired long ago without completion: their objects (if any) go, the rows stay. */
    public int removeAbandoned() {
        Instant cutoff = clock.instant().minus(config.uploadExpiry()).minus(config.abandonedAfter());
        List<MediaUpload> abandoned = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select u from MediaUpload u where u.status = :pending and u.expiresAt < :cutoff", MediaUpload.class)
                .setParameter("pending", MediaUpload.Status.PENDING).setParameter("cutoff", cutoff)
                .setMaxResults(100).getResultList());
        int removed = 0;
        for (MediaUpload upload : abandoned) {
            store.delete(upload.getObjectKey());
            removed += QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "update MediaUpload u set u.status = :expired where u.id = :id and u.status = :pending")
                    .setParameter("expired", MediaUpload.Status.EXPIRED).setParameter("pending", MediaUpload.Status.PENDING)
                    .setParameter("id", upload.getId()).executeUpdate());
        }
        if (removed > 0) {
            LOG.infof("Removed %d abandoned uploads", removed);
        }
        return removed;
    }

    /**
     * Deletes the stored objects of these uploads (original and renditions) and keeps each row as a record without
     * the photo's place, time or file name; for retention and account deletion. Already purged uploads are skipped.
     */
    public int purge(java.util.Collection<String> ids) {
        int purged = 0;
        for (String id : ids) {
            MediaUpload upload = QuarkusTransaction.requiringNew().call(() -> em.find(MediaUpload.class, id));
            if (upload == null || upload.getPurgedAt() != null) {
                continue;
            }
            store.delete(upload.getObjectKey());
            for (int width : upload.renditionWidthList()) {
                store.delete(upload.renditionKey(width));
            }
            Instant now = clock.instant();
            // one conditional statement, not load-and-save: a rendition job touching the row meanwhile must not
            // make the purge fail on its version
            purged += QuarkusTransaction.requiringNew().call(() -> em.createQuery("update MediaUpload u set"
                            + " u.status = :deleted, u.purgedAt = :now, u.latitude = null, u.longitude = null,"
                            + " u.takenAt = null, u.filename = '', u.version = u.version + 1 where u.id = :id and u.purgedAt is null")
                    .setParameter("deleted", MediaUpload.Status.DELETED).setParameter("now", now).setParameter("id", id)
                    .executeUpdate());
        }
        return purged;
    }

    public UploadView view(MediaUpload u) {
        // the rendition's real width: a small original is not enlarged
        List<UploadView.Rendition> images = u.hasPublicRenditions()
                ? u.renditionWidthList().stream().map(w -> new UploadView.Rendition(
                        u.getWidth() == null ? w : Math.min(w, u.getWidth()), store.publicUrl(u.renditionKey(w)))).toList()
                : null;
        return new UploadView(u.getId(), u.getKind(), u.getStatus(), u.getFilename(), u.getSizeBytes(), u.getFormat(),
                u.getWidth(), u.getHeight(), u.getTakenAt(), u.getLatitude(), u.getLongitude(),
                u.getKind() == MediaKind.VIDEO ? null : u.getRenditionStatus(), images, u.getCreatedAt());
    }

    private ProblemException reject(MediaUpload upload, String field, String message) {
        store.delete(upload.getObjectKey());
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> em.find(MediaUpload.class, upload.getId()).rejected(now));
        LOG.infof("Rejected upload %s: %s %s", upload.getId(), field, message);
        return new ProblemException(422, "Unprocessable Content", field + " " + message + "; the file was deleted",
                List.of(new cn.youguang.common.Problem.FieldError(field, message)));
    }

    private MediaUpload owned(long ownerId, String id) {
        return findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("Upload " + id));
    }

    private Optional<MediaUpload> findOwned(long ownerId, String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        MediaUpload upload = QuarkusTransaction.joiningExisting().call(() -> em.find(MediaUpload.class, id));
        return Optional.ofNullable(upload).filter(u -> u.getOwnerId() != null && u.getOwnerId() == ownerId);
    }

    private Optional<MediaUpload> findByIdempotencyKey(long ownerId, String key) {
        return em.createQuery("select u from MediaUpload u where u.ownerId = :owner and u.idempotencyKey = :key",
                MediaUpload.class).setParameter("owner", ownerId).setParameter("key", key).getResultStream().findFirst();
    }

    /** The client's name for the file, kept for display only (never in a key or path). */
    private static String filename(String raw) {
        String name = raw.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
        return name.isEmpty() ? "file" : name;
    }
}
