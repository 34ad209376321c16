package cn.youguang.feedback;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AppUser;
import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.common.Cursor;
import cn.youguang.common.Hashes;
import cn.youguang.common.IdempotencyKey;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.RateLimiter;
import cn.youguang.wechat.ContentSecurity;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What citizens do: submit a report, follow it up by query code (or signed in), and confirm or dispute the
 * result. A report is acknowledged only after it is committed. The query code is derived from the submission's
 * Idempotency-Key with a server secret, so a retried submission shows the same code while only a slow hash of it
 * is ever stored.
 */
@ApplicationScoped
public class ReportService {

    private static final String NOT_FOUND = "No report has this number and query code.";

    private final EntityManager em;
    private final ReportRepository reports;
    private final ReportEventRepository events;
    private final ReportCategoryRepository categories;
    private final ReportIntake intake;
    private final ReportLifecycle lifecycle;
    private final FeedbackConfig config;
    private final RateLimiter limits;
    private final QueryCodes codes;
    private final PersonalDataCipher cipher;
    private final ContentSecurity security;
    private final CitizenPhotos photos;
    private final ObjectMapper json;
    private final Clock clock;

    public ReportService(EntityManager em, ReportRepository reports, ReportEventRepository events,
                         ReportCategoryRepository categories, ReportIntake intake, ReportLifecycle lifecycle,
                         FeedbackConfig config, RateLimiter limits, QueryCodes codes, PersonalDataCipher cipher,
                         ContentSecurity security, CitizenPhotos photos, ObjectMapper json,
                         Clock clock) {
        this.security = security;
        this.em = em;
        this.reports = reports;
        this.events = events;
        this.categories = categories;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.config = config;
        this.limits = limits;
        this.codes = codes;
        this.cipher = cipher;
        this.photos = photos;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Outside any transaction on purpose: the report is written by {@link ReportIntake} in its own, so the receipt
     * goes out only after the commit, and a concurrent twin with the same key can still be answered.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReportViews.Receipt submit(long userId, String ip, ReportRequests.Submission request, String idempotencyKey) {
        String key = IdempotencyKey.required(idempotencyKey);
        // keyed hash of the submitter: keys are scoped per user, yet neither table below names the user
        String submitter = HexFormat.of().formatHex(cipher.derive("submitter",
                String.valueOf(userId).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        String keyHash = Hashes.sha256Hex(submitter + "|" + key);
        String requestHash = fingerprint(request);
        Optional<SubmissionKey> earlier = Optional.ofNullable(em.find(SubmissionKey.class, keyHash));
        if (earlier.isPresent()) {
            return replay(earlier.get(), keyHash, requestHash);
        }
        // a unit of each limit is taken before the work and given back if the submission is refused, so that
        // simultaneous submissions cannot all pass one check before any of them is counted
        RateLimiter.Permit userPermit = limits.acquire("submit:u:" + submitter, config.submitsPerUserHour(),
                Duration.ofHours(1), "Too many reports in one hour; try again later");
        RateLimiter.Permit ipPermit = null;
        Report report;
        String code = queryCodeFor(keyHash);
        try {
            ipPermit = limits.acquire("submit:ip:" + ip, config.submitsPerIpHour(), Duration.ofHours(1),
                    "Too many reports from this network in one hour; try again later");
            String codeHash = codes.hash(normalizeCode(code));
            report = intake.fromCitizen(userId, ip, request, keyHash, requestHash, codeHash);
        } catch (PersistenceException | ArcUndeclaredThrowableException concurrentRetry) {
            // only accepted submissions count against the limits
            release(userPermit, ipPermit);
            // the same submission arrived twice at once: the other request made it
            SubmissionKey made = em.find(SubmissionKey.class, keyHash);
            if (made == null) {
                throw concurrentRetry;
            }
            return replay(made, keyHash, requestHash);
        } catch (RuntimeException refused) {
            release(userPermit, ipPermit);
            throw refused;
        }
        return receipt(report, code);
    }

    private void release(RateLimiter.Permit... permits) {
        for (RateLimiter.Permit permit : permits) {
            if (permit != null) {
                limits.release(permit);
            }
        }
    }

    private ReportViews.Receipt replay(SubmissionKey earlier, String keyHash, String requestHash) {
        if (earlier.getRequestHash() != null && !earlier.getRequestHash().equals(requestHash)) {
            throw new ProblemException(422, "Unprocessable Content", "This Idempotency-Key was already used for a "
                    + "different submission; use a new key for a new report",
                    List.of(new cn.youguang.common.Problem.FieldError("Idempotency-Key", "was used for a different submission")));
        }
        return receipt(reports.findById(earlier.getReportId()), queryCodeFor(keyHash));
    }

    private String fingerprint(ReportRequests.Submission request) {
        try {
            return Hashes.sha256Hex(json.writeValueAsString(request));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Follow-up without signing in: the number and the query code. A wrong code answers like an unknown number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViews.Tracking track(String ip, String number, String code) {
        return tracking(verifiedByCode(ip, number, code));
    }

    /** The code is checked before any transaction starts: the slow hash holds no database connection. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViews.Tracking respondByCode(String ip, ReportRequests.Lookup lookup, boolean dispute) {
        Report report = verifiedByCode(ip, lookup.number(), lookup.code());
        return respond(report.getId(), dispute, lookup.reason());
    }

    @Transactional
    public ReportViews.Tracking respondAsReporter(long userId, String number, boolean dispute, String reason) {
        Report report = ownReport(userId, number);
        return respond(report.getId(), dispute, reason);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViews.Tracking mine(long userId, String number) {
        return tracking(ownReport(userId, number));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportViews.Mine> mine(long userId, PageRequest page) {
        return Page.of(reports.ofReporter(userId, page), page.limit(), r -> new Cursor(r.getCreatedAt(), r.getId()),
                r -> new ReportViews.Mine(r.getNumber(), r.getChannel(), r.getCategoryCode(),
                        categories.nameOf(r.getCategoryCode()),
                        r.getStatus(), r.getStatus().label(), r.getCreatedAt(), r.getAcceptDue(), r.isOverdue()));
    }

    /**
     * Within {@code disputeDays} of closure the reporter confirms the result or disputes it; a dispute reopens the
     * report with the reason on its timeline. Two answers at once are told apart by the report's version (409).
     */
    @Transactional
    ReportViews.Tracking respond(long reportId, boolean dispute, String reason) {
        Instant now = clock.instant();
        Report r = reports.findById(reportId);
        lifecycle.checkResponse(r, now);
        if (dispute) {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.invalid("reason", "must say what is still wrong");
            }
            lifecycle.reopen(r, now);
            // no status message: the reporter made this move, and a message would spend their one authorization
            events.persist(new ReportEvent(r.getId(), now, null, ReportEvent.Kind.DISPUTED, ReportStatus.CLOSED,
                    ReportStatus.IN_PROGRESS, "市民对办理结果有异议：" + reason.strip(), true));
        } else {
            r.confirm(now);
            events.persist(new ReportEvent(r.getId(), now, null, ReportEvent.Kind.CONFIRMED, ReportStatus.CLOSED,
                    ReportStatus.CLOSED,
                    "市民确认办理结果", true));
        }
        return tracking(r);
    }

    /**
     * 满意度评价 by number and query code. The code is checked and the comment sent to WeChat's text check before
     * any transaction starts; the rating is written afterwards, all rules checked again.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReportViews.Tracking rateByCode(String ip, ReportRequests.RatingByCode r, boolean change) {
        Report report = verifiedByCode(ip, r.number(), r.code());
        return rate(report, null, new ReportRequests.Rating(r.score(), r.comment(), r.dispute(), r.reason()), change);
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReportViews.Tracking rateAsReporter(long userId, String number, ReportRequests.Rating rating, boolean change) {
        Report report = ownReport(userId, number);
        AppUser reporter = em.find(AppUser.class, userId);
        return rate(report, reporter == null ? null : reporter.getOpenid(), rating, change);
    }

    private ReportViews.Tracking rate(Report report, String openid, ReportRequests.Rating r, boolean change) {
        boolean dispute = Boolean.TRUE.equals(r.dispute());
        if (dispute && r.score() > 2) {
            throw ProblemException.invalid("dispute", "goes only with a score of 1 or 2");
        }
        if (dispute && (r.reason() == null || r.reason().isBlank())) {
            throw ProblemException.invalid("reason", "must say what is still wrong");
        }
        // refused before WeChat is asked anything
        checkRatable(report, em.find(ReportRating.class, report.getId()), change, clock.instant());
        String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment().strip();
        String state = null;
        if (comment != null && report.getChannel() == Channel.STREET) {
            state = checkComment(openid, comment);
        }
        try {
            return storeRating(report.getId(), r.score(), comment, state, dispute, r.reason(), change);
        } catch (PersistenceException | ArcUndeclaredThrowableException twin) {
            // two first ratings at once: the primary key lets one in; two changes at once are the version's (409)
            if (!change && em.find(ReportRating.class, report.getId()) != null) {
                throw conflict("score", "was already given for this report; change it with PUT");
            }
            throw twin;
        }
    }

    /**
     * Staff read the comment, so it passes WeChat's text check like other citizen text: risky is refused (422),
     * nothing written; unsure, WeChat unreachable or a reporter without a WeChat identity (by query code) is kept
     * as pending_review. Supervision comments are confidential and never leave the service.
     */
    private String checkComment(String openid, String comment) {
        if (openid == null) {
            return "pending_review";
        }
        ContentSecurity.TextVerdict verdict = security.checkText(openid, comment, ContentSecurity.SCENE_COMMENT);
        return switch (verdict.state()) {
            case APPROVED -> "approved";
            case REJECTED -> throw new ProblemException(422, "Unprocessable Content",
                    "The comment did not pass WeChat's content check", List.of(new cn.youguang.common.Problem.FieldError(
                            "comment", "did not pass WeChat's content check")));
            default -> "pending_review";
        };
    }

    /** One rating per closed report, given (POST) once and changed (PUT) within the days to respond. */
    private void checkRatable(Report report, ReportRating existing, boolean change, Instant now) {
        if (report.getStatus() != ReportStatus.CLOSED || report.getClosedAt() == null) {
            throw conflict("number", "is a report that is not closed: it can be rated once it is 已办结");
        }
        if (now.isAfter(lifecycle.respondUntil(report))) {
            throw conflict("score", "can no longer be given or changed: the " + config.disputeDays()
                    + " days after closure have passed");
        }
        if (!change && existing != null) {
            throw conflict("score", "was already given for this report; change it with PUT");
        }
        if (change && existing == null) {
            throw conflict("score", "has not been given yet; rate with POST");
        }
    }

    private static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", field + " " + message,
                List.of(new cn.youguang.common.Problem.FieldError(field, message)));
    }

    /**
     * Writes the rating, and with a dispute reopens the report in the same transaction: a dispute refused (already
     * confirmed) leaves the rating unwritten too. Two ratings at once are told apart by the primary key or version.
     */
    @Transactional
    ReportViews.Tracking storeRating(long reportId, int score, String comment, String commentState, boolean dispute,
                                     String reason, boolean change) {
        Instant now = clock.instant();
        Report report = reports.findById(reportId);
        ReportRating rating = em.find(ReportRating.class, reportId);
        checkRatable(report, rating, change, now);
        if (rating == null) {
            rating = new ReportRating(reportId, now);
            rating.rate(score, comment, commentState, now);
            em.persist(rating);
        } else {
            rating.rate(score, comment, commentState, now);
        }
        events.persist(new ReportEvent(reportId, now, null, ReportEvent.Kind.RATED, null, null,
                "市民满意度评价：" + score + "分", false));
        if (dispute) {
            return respond(reportId, true, reason);
        }
        em.flush();
        return tracking(report);
    }

    private Report ownReport(long userId, String number) {
        return reports.byNumber(number)
                .filter(r -> !r.isAnonymous() && r.getReporterId() != null && r.getReporterId() == userId)
                .orElseThrow(() -> ProblemException.notFound("Report " + number));
    }

    /**
     * Checks a number and query code. Every lookup counts against the address (a flood guard: each check costs a
     * slow hash). Only wrong codes count against the address's failure limit, never against the number, and a
     * right code is accepted even past it: strangers guessing cannot lock the owner out, and guessing stays
     * hopeless against 20 digits.
     */
    private Report verifiedByCode(String ip, String number, String code) {
        limits.acquire("track:ip:" + ip, config.tracksPerIpMinute(), Duration.ofMinutes(1),
                "Too many lookups from this network; wait a minute");
        String normalizedNumber = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        String candidate = normalizeCode(code == null ? "" : code);
        Duration failureWindow = Duration.ofMinutes(10);
        // taken before the check so simultaneous wrong codes cannot all pass; given back when the code is right
        Optional<RateLimiter.Permit> failure = limits.tryAcquire("track:f:" + ip, config.failedTracksPerIp10Minutes(),
                failureWindow);
        Optional<Report> report = ReportNumbers.looksLikeNumber(normalizedNumber)
                ? reports.byNumber(normalizedNumber) : Optional.empty();
        boolean right;
        if (report.isEmpty() || report.get().getQueryCodeHash() == null) {
            codes.verifyDecoy(candidate);
            right = false;
        } else {
            right = codes.verify(candidate, report.get().getQueryCodeHash());
        }
        if (right) {
            failure.ifPresent(limits::release);
            return report.get();
        }
        if (failure.isEmpty()) {
            throw ProblemException.tooManyRequests("Too many wrong codes from this network; wait a few minutes",
                    limits.retryAfter(failureWindow));
        }
        throw notFound();
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "Not Found", NOT_FOUND, List.of());
    }

    /** The citizen's view of a report just read or changed. */
    private ReportViews.Tracking tracking(Report r) {
        List<ReportViews.TimelineEntry> timeline = events.timeline(r.getId()).stream()
                .filter(e -> e.getToStatus() != null || e.isPublicNote())
                .map(e -> {
                    // a confirmation leaves the report closed (rows written before V13 carry no status)
                    ReportStatus status = e.getToStatus() != null ? e.getToStatus()
                            : e.getKind() == ReportEvent.Kind.CONFIRMED ? ReportStatus.CLOSED : null;
                    return new ReportViews.TimelineEntry(e.getAt(), e.getKind().name().toLowerCase(Locale.ROOT), status,
                            status == null ? null : status.label(), e.isPublicNote() ? e.getNote() : null);
                })
                .toList();
        String duplicateOf = r.getDuplicateOf() == null ? null : reports.findById(r.getDuplicateOf()).getNumber();
        return new ReportViews.Tracking(r.getNumber(), r.getChannel(), r.getCategoryCode(),
                categories.nameOf(r.getCategoryCode()),
                r.getStatus(), r.getStatus().label(), r.getCreatedAt(), r.getAcceptDue(), r.getResultDue(), r.isOverdue(),
                r.getTransferredTo(), duplicateOf, r.getClosedAt(), r.getConfirmedAt(),
                r.getStatus() == ReportStatus.CLOSED && r.getConfirmedAt() == null ? lifecycle.respondUntil(r) : null,
                ratable(r) ? lifecycle.respondUntil(r) : null,
                Optional.ofNullable(em.find(ReportRating.class, r.getId())).map(ReportViews.Rating::of).orElse(null),
                Optional.ofNullable(em.find(ReportSubscription.class, r.getId()))
                        .map(ReportSubscription::getAuthorizations).orElse(0),
                photos.of(r), timeline);
    }

    /** A closed report is rated within the days to respond, confirmed or not (see {@link #checkRatable}). */
    private static boolean ratable(Report r) {
        return r.getStatus() == ReportStatus.CLOSED && r.getClosedAt() != null;
    }

    /**
     * One more status message, after the reporter accepted wx.requestSubscribeMessage again (a one-time
     * authorization covers one message): by the number and query code, for the WeChat user signed in. The code is
     * checked before any transaction starts.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViews.Tracking subscribeByCode(String ip, long userId, ReportRequests.Lookup lookup) {
        Report report = verifiedByCode(ip, lookup.number(), lookup.code());
        return subscribe(report.getId(), userId);
    }

    @Transactional
    public ReportViews.Tracking subscribeAsReporter(long userId, String number) {
        return subscribe(ownReport(userId, number).getId(), userId);
    }

    /**
     * The same rule as at submission: messages go to the WeChat identity of the one signed in. Another user's
     * authorization replaces the one stored (WeChat counts authorizations per user). Only the openid is stored,
     * sealed, never the user: an anonymous report stays unlinked. Refused (409) once the report can change no more.
     */
    @Transactional
    ReportViews.Tracking subscribe(long reportId, long userId) {
        Report r = reports.findById(reportId);
        boolean canStillChange = !r.getStatus().isFinal() || r.getStatus() == ReportStatus.CLOSED
                && r.getConfirmedAt() == null && !clock.instant().isAfter(lifecycle.respondUntil(r));
        if (!canStillChange) {
            throw conflict("number", "is a report whose status will not change any more: there is nothing to tell");
        }
        AppUser user = em.find(AppUser.class, userId);
        if (user == null || user.getOpenid() == null) {
            throw conflict("subscription", "needs an account signed in with WeChat: messages go to its WeChat identity");
        }
        ReportSubscription subscription = em.find(ReportSubscription.class, reportId);
        if (subscription == null) {
            em.persist(new ReportSubscription(reportId, cipher.encrypt(user.getOpenid())));
        } else if (user.getOpenid().equals(cipher.decrypt(subscription.getOpenidCipher()))) {
            subscription.addAuthorization();
        } else {
            subscription.replaceRecipient(cipher.encrypt(user.getOpenid()));
        }
        em.flush();
        return tracking(r);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.Category> categories(Channel channel) {
        return intake.categories(channel).stream()
                .map(c -> new ReportViews.Category(c.getCode(), c.getChannel(), c.getName(), c.getDescription())).toList();
    }

    /** The staff directory a supervision reporter picks named people from: names and units, nothing else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.StaffMember> staff(String query) {
        String q = query == null ? "" : query.strip();
        // the citizen's text is matched literally: % and _ are not wildcards here
        String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        // reviewers of receiving bodies are not the bureau's staff: nobody names them in a report about the bureau
        return em.createQuery("select u from AppUser u where u.kind = :staff and u.disabled = false"
                        + " and :superior not member of u.roles"
                        + " and (:q = '' or u.displayName like :like escape '!' or u.unit like :like escape '!')"
                        + " order by u.displayName", AppUser.class)
                .setParameter("staff", AccountKind.STAFF).setParameter("superior", cn.youguang.common.Role.SUPERIOR)
                .setParameter("q", q).setParameter("like", like)
                .setMaxResults(50).getResultList().stream()
                .map(u -> new ReportViews.StaffMember(u.getId(), u.getDisplayName(), u.getUnit())).toList();
    }

    private ReportViews.Receipt receipt(Report report, String code) {
        return new ReportViews.Receipt(report.getNumber(), code, report.getChannel(), report.getStatus(),
                report.getStatus().label(), report.getAcceptDue(), report.getCreatedAt(),
                "请保存报告编号和查询码：查询码只显示这一次，丢失后无法找回。");
    }

    /** 20 digits in groups of four, derived from the submission key with a secret only the server holds. */
    private String queryCodeFor(String keyHash) {
        byte[] mac = cipher.derive("query-code", keyHash.getBytes(StandardCharsets.UTF_8));
        String digits = String.format("%020d", new java.math.BigInteger(1, mac).mod(java.math.BigInteger.TEN.pow(20)));
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "-"
                + digits.substring(12, 16) + "-" + digits.substring(16, 20);
    }

    static String normalizeCode(String code) {
        return code.replaceAll("[\\s-]", "");
    }
}
