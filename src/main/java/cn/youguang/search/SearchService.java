package cn.youguang.search;

import cn.youguang.common.Page;
import cn.youguang.common.ProblemException;
import cn.youguang.content.EntryKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search over published stories, articles and videos. Every term of the query must be in a document. Results come
 * in two recency tiers: first the matches among the newest {@code recent} documents, then the older ones; within a
 * tier, documents whose title holds the whole query rank first, then those whose text does, newest first. The tiers
 * keep a query for a common word cheap: a GIN index cannot hand out matches in date order, so ranking all of them
 * (tens of thousands for 城管) would fetch every one; the newest tier is the intersection of the term index with the
 * date index and holds at most {@code recent} documents. The tier boundary travels in the cursor, so paging stays
 * consistent while new documents are published. On PostgreSQL the terms are matched through the GIN index of
 * {@code to_tsvector('simple', terms)}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SearchService {

    public static final int MAX_QUERY = 64;
    private static final int SNIPPET_RADIUS = 40;
    private static final Pattern CURSOR = Pattern.compile(
            "s2\\.([01])\\.(-?\\d{1,19})\\.([0-3])\\.(-?\\d{1,19})\\.([A-Z]{1,10})\\.(\\d{1,19})");
    /** no boundary: the whole index is one tier (fewer documents than the tier holds) */
    private static final long NO_BOUNDARY = Long.MIN_VALUE;

    /** One hit: {@code title} and {@code snippet} are HTML, escaped, with {@code <em>} around what matched. */
    public record Hit(String type, long id, String slug, String title, String snippet, Instant publishedAt) {
    }

    private record After(int tier, long boundary, int score, Instant at, String type, long id) {
    }

    private record Boundary(int n, Instant at, long micros) {
    }

    private static final java.time.Duration BOUNDARY_REUSE = java.time.Duration.ofSeconds(5);
    private volatile Boundary lastBoundary;

    private final EntityManager em;
    private final Clock clock;
    private final boolean postgres;
    private final int recent;

    public SearchService(EntityManager em, Clock clock,
                         @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                         @ConfigProperty(name = "youguang.search.recent-documents", defaultValue = "5000") int recent) {
        this.em = em;
        this.clock = clock;
        this.postgres = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
        this.recent = recent;
    }

    public Page<Hit> search(String q, EntryKind type, String cursor, int limit) {
        return search(q, type, cursor, limit, recent);
    }

    /** {@code recentDocuments}: the size of the newest tier (the service's setting; tests make it small). */
    Page<Hit> search(String q, EntryKind type, String cursor, int limit, int recentDocuments) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "must be 1 to " + MAX_QUERY + " characters");
        }
        Set<String> terms = Terms.of(query);
        if (terms.isEmpty()) {
            throw ProblemException.invalid("q", "has no letters, digits or Chinese characters to search for");
        }
        After after = decode(cursor);
        Instant now = clock.instant();
        long boundary = after != null ? after.boundary() : boundary(now, recentDocuments);
        List<Object[]> rows = new ArrayList<>();
        if (after == null || after.tier() == 0) {
            rows.addAll(tier(query, terms, type, now, 0, boundary, after, limit + 1));
        }
        if (rows.size() <= limit && boundary != NO_BOUNDARY) {
            rows.addAll(tier(query, terms, type, now, 1, boundary, after != null && after.tier() == 1 ? after : null,
                    limit + 1 - rows.size()));
        }
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        List<Hit> hits = new ArrayList<>();
        for (Object[] r : shown) {
            hits.add(new Hit(((String) r[0]).toLowerCase(Locale.ROOT), ((Number) r[1]).longValue(), (String) r[2],
                    highlight((String) r[3], query, terms), snippet((String) r[4], query, terms), instant(r[5])));
        }
        String next = null;
        if (more) {
            Object[] last = shown.get(shown.size() - 1);
            next = encode(((Number) last[7]).intValue(), boundary, ((Number) last[6]).intValue(), instant(last[5]),
                    (String) last[0], ((Number) last[1]).longValue());
        }
        return new Page<>(hits, next);
    }

    /**
     * The publication time of the {@code n}th newest document: the newest tier starts there (a walk of n entries
     * down the date index). Reused for a few seconds: a boundary slightly older than the exact one only puts the
     * documents published meanwhile into the newest tier, where they belong anyway.
     */
    private long boundary(Instant now, int n) {
        Boundary known = lastBoundary;
        if (known != null && known.n() == n && !now.isBefore(known.at()) && now.isBefore(known.at().plus(BOUNDARY_REUSE))) {
            return known.micros();
        }
        long micros = findBoundary(now, n);
        lastBoundary = new Boundary(n, now, micros);
        return micros;
    }

    private long findBoundary(Instant now, int n) {
        @SuppressWarnings("unchecked")
        List<Object> at = em.createNativeQuery("select published_at from search_document where published_at <= ?1"
                        + " order by published_at desc").setParameter(1, now).setFirstResult(n - 1).setMaxResults(1)
                .getResultList();
        return at.isEmpty() ? NO_BOUNDARY : micros(instant(at.get(0)));
    }

    /** One tier's matches in rank order, after the cursor's position when it is in this tier. */
    private List<Object[]> tier(String query, Set<String> terms, EntryKind type, Instant now, int tier, long boundary,
                                After after, int max) {
        String like = "%" + query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String rank = "(case when lower(title) like :like escape '\\' then 2 else 0 end"
                + " + case when lower(body) like :like escape '\\' then 1 else 0 end)";
        StringBuilder sql = new StringBuilder("select * from (select entry_type, entry_id, slug, title, body, published_at, ")
                .append(rank).append(" as score from search_document where published_at <= :now");
        if (boundary != NO_BOUNDARY) {
            sql.append(tier == 0 ? " and published_at >= :boundary" : " and published_at < :boundary");
        }
        if (postgres) {
            sql.append(" and to_tsvector('simple', terms) @@ cast(:tsquery as tsquery)");
        } else {
            int i = 0;
            for (String ignored : terms) {
                sql.append(" and terms like :t").append(i++);
            }
        }
        if (type != null) {
            sql.append(" and entry_type = :type");
        }
        sql.append(") d");
        if (after != null) {
            sql.append(" where (d.score < :score or (d.score = :score and (d.published_at < :at or (d.published_at = :at"
                    + " and (d.entry_type > :atype or (d.entry_type = :atype and d.entry_id < :aid))))))");
        }
        sql.append(" order by d.score desc, d.published_at desc, d.entry_type, d.entry_id desc");
        Query select = em.createNativeQuery(sql.toString()).setParameter("like", like).setParameter("now", now)
                .setMaxResults(max);
        if (boundary != NO_BOUNDARY) {
            select.setParameter("boundary", Instant.EPOCH.plus(boundary, ChronoUnit.MICROS));
        }
        if (postgres) {
            select.setParameter("tsquery", String.join(" & ", terms.stream().map(t -> "'" + t.replace("'", "''") + "'").toList()));
        } else {
            int i = 0;
            for (String t : terms) {
                select.setParameter("t" + i++, "% " + t + " %");
            }
        }
        if (type != null) {
            select.setParameter("type", type.name());
        }
        if (after != null) {
            select.setParameter("score", after.score()).setParameter("at", after.at()).setParameter("atype", after.type())
                    .setParameter("aid", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        // each row carries its tier (index 7) for the cursor
        List<Object[]> tiered = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] withTier = java.util.Arrays.copyOf(row, row.length + 1);
            withTier[row.length] = tier;
            tiered.add(withTier);
        }
        return tiered;
    }

    /** A window of the text around the first hit, escaped, with each hit in {@code <em>}. */
    static String snippet(String text, String query, Set<String> terms) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(query.toLowerCase(Locale.ROOT));
        if (at < 0) {
            for (String t : terms) {
                at = lower.indexOf(t);
                if (at >= 0) {
                    break;
                }
            }
        }
        at = Math.max(at, 0);
        int start = Math.max(0, at - SNIPPET_RADIUS);
        int end = Math.min(text.length(), at + query.length() + SNIPPET_RADIUS);
        return (start > 0 ? "…" : "") + highlight(text.substring(start, end), query, terms) + (end < text.length() ? "…" : "");
    }

    /** Escapes everything, then marks the whole query (or else each term) with {@code <em>}. */
    static String highlight(String text, String query, Set<String> terms) {
        List<String> marks = new ArrayList<>();
        marks.add(query);
        marks.addAll(terms);
        StringBuilder out = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < text.length()) {
            String hit = null;
            for (String m : marks) {
                if (!m.isEmpty() && lower.startsWith(m.toLowerCase(Locale.ROOT), i)) {
                    hit = text.substring(i, i + m.length());
                    break;
                }
            }
            if (hit != null) {
                out.append("<em>").append(escape(hit)).append("</em>");
                i += hit.length();
            } else {
                out.append(escape(String.valueOf(text.charAt(i))));
                i++;
            }
        }
        return out.toString().replace("</em><em>", "");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static String encode(int tier, long boundary, int score, Instant at, String type, long id) {
        String plain = "s2." + tier + "." + boundary + "." + score + "." + micros(at) + "." + type + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static After decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            Matcher m = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (cursor.length() <= 160 && m.matches()) {
                return new After(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)),
                        Instant.EPOCH.plus(Long.parseLong(m.group(4)), ChronoUnit.MICROS), m.group(5),
                        Long.parseLong(m.group(6)));
            }
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("cursor", "is not a cursor issued by this API");
    }
}
