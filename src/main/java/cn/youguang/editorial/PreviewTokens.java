package cn.youguang.editorial;

import cn.youguang.article.ArticleService;
import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.collection.CollectionService;
import cn.youguang.common.Hashes;
import cn.youguang.common.ProblemException;
import cn.youguang.content.ContentEntry;
import cn.youguang.content.ContentRevision;
import cn.youguang.content.ImportTarget;
import cn.youguang.story.StoryDetail;
import cn.youguang.story.StoryService;
import cn.youguang.video.VideoService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preview links for drafts: {@code nonce.expiry.signature} (30 characters, so one fits the scene of a mini-program
 * code), the signature an HMAC-SHA256 with a key derived from the server's personal-data key, so a forged or expired
 * link is refused before any SQL. Only the nonce's SHA-256 is
 * stored (the table cannot be replayed); its row makes the link revocable. The preview answers the body the public
 * detail endpoint would.
 */
@ApplicationScoped
@Transactional
public class PreviewTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** nonce (64 bits) . expiry (epoch seconds, base 36) . signature (HMAC-SHA256 cut to 64 bits): 30 characters */
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{11})\\.([0-9a-z]{1,8})\\.([A-Za-z0-9_-]{11})");
    private static final int SIGNATURE_BYTES = 8;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String PURPOSE = "preview-token";

    public record Issued(String token, String path, Instant expiresAt) {
    }

    private final EntryKinds kinds;
    private final EditorialService editorial;
    private final StoryService stories;
    private final ArticleService articles;
    private final CollectionService collections;
    private final VideoService videos;
    private final EntityManager em;
    private final EditorialConfig config;
    private final Clock clock;
    private final PersonalDataCipher keys;

    public PreviewTokens(EntryKinds kinds, EditorialService editorial, StoryService stories, ArticleService articles,
                         CollectionService collections, VideoService videos, EntityManager em, EditorialConfig config,
                         Clock clock, PersonalDataCipher keys) {
        this.kinds = kinds;
        this.editorial = editorial;
        this.stories = stories;
        this.articles = articles;
        this.collections = collections;
        this.videos = videos;
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.keys = keys;
    }

    public Issued issue(String kindPath, long id, long actor) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = editorial.find(target, id);
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String nonce = B64.encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(config.previewExpiry()).truncatedTo(ChronoUnit.SECONDS);
        String payload = nonce + "." + Long.toString(expires.getEpochSecond(), 36);
        String token = payload + "." + B64.encodeToString(signature(payload));
        em.createNativeQuery("insert into preview_token (token_hash, entry_type, entry_id, created_by, created_at, expires_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Hashes.sha256Hex(nonce))
                .setParameter(2, target.revisionType().name()).setParameter(3, entry.getId()).setParameter(4, actor)
                .setParameter(5, now).setParameter(6, expires).executeUpdate();
        return new Issued(token, "/api/preview/" + token, expires);
    }

    /** Revokes every live preview link of the entry. */
    public int revokeAll(String kindPath, long id) {
        ImportTarget<?> target = kinds.target(kindPath);
        return em.createNativeQuery("update preview_token set revoked_at = ?1 where entry_type = ?2 and entry_id = ?3"
                        + " and revoked_at is null").setParameter(1, clock.instant())
                .setParameter(2, target.revisionType().name()).setParameter(3, id).executeUpdate();
    }

    /** The public detail of the entry the token opens; an unknown, expired or revoked token is a 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object open(String token) {
        Matcher parts = token == null ? null : TOKEN.matcher(token);
        if (parts == null || !parts.matches()
                || !MessageDigest.isEqual(signature(parts.group(1) + "." + parts.group(2)), B64D.decode(parts.group(3)))
                || Instant.ofEpochSecond(Long.parseLong(parts.group(2), 36)).compareTo(clock.instant()) <= 0) {
            throw ProblemException.notFound("Preview");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select entry_type, entry_id from preview_token where token_hash = ?1"
                        + " and revoked_at is null and expires_at > ?2")
                .setParameter(1, Hashes.sha256Hex(parts.group(1)))
                .setParameter(2, clock.instant()).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Preview");
        }
        ContentRevision.EntryType type = ContentRevision.EntryType.valueOf((String) rows.get(0)[0]);
        long id = ((Number) rows.get(0)[1]).longValue();
        return switch (type) {
            case STORY -> {
                StoryDetail story = stories.detailOf(id);
                yield story.withVideos(videos.forStory(id));
            }
            case ARTICLE -> articles.detailOf(id);
            case COLLECTION -> collections.detailOf(id);
        };
    }

    /** Cut to 64 bits so a link fits a mini-program code's 32-character scene; forging still needs ~2^64 tries online. */
    private byte[] signature(String payload) {
        return Arrays.copyOf(keys.derive(PURPOSE, payload.getBytes(StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
    }
}
