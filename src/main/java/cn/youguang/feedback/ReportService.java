package cn.youguang.feedback;

import cn.youguang.common.Hashes;
import cn.youguang.common.IdempotencyKey;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.RateLimiter;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AppUser;
import cn.youguang.auth.PasswordHasher;
import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.common.Cursor;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.media.MediaKind;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.UploadService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
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
    private final FeedbackConfig config;
    private final WorkCalendar calendar;
    private final RateLimiter limits;
    private final Blocks blocks;
    private final UploadService uploads;
    private final PasswordHasher hasher;
    private final PersonalDataCipher cipher;
    private final Event<ReportNotifier.StatusChanged> changed;
    private final ReportNumbers numbers;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;

    public ReportService(EntityManager em, FeedbackConfig config, WorkCalendar calendar, RateLimiter limits, Blocks blocks,
                         UploadService uploads, PasswordHasher hasher, PersonalDataCipher cipher,
                         Event<ReportNotifier.StatusChanged> changed, ReportNumbers numbers,
                         com.fasterxml.jackson.databind.ObjectMapper json, Clock clock) {
        this.em = em;
        this.config = config;
        this.calendar = calendar;
        this.limits = limits;
        this.blocks = blocks;
        this.uploads = uploads;
        this.hasher = hasher;
        this.cipher = cipher;
        this.changed = changed;
        this.numbers = numbers;
        this.json = json;
        this.clock = clock;
    }

    public ReportViews.Receipt submit(long userId, String ip, ReportRequests.Submission request, String idempotencyKey) {
        String key = IdempotencyKey.required(idempotencyKey);
        // keyed hash of the submitter: keys are scoped per user, yet neither table below names the user
        String submitter = HexFormat.of().formatHex(cipher.derive("submitter",
                String.valueOf(userId).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        String keyHash = Hashes.sha256Hex(submitter + "|" + key);
        String requestHash = fingerprint(request);
        Optional<SubmissionKey> earlier = QuarkusTransaction.requiringNew().call(() ->
                Optional.ofNullable(em.find(SubmissionKey.class, keyHash)));
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
            String codeHash = hasher.hash(normalizeCode(code));
            report = QuarkusTransaction.requiringNew().call(() -> create(userId, ip, request, keyHash, requestHash, codeHash));
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException concurrentRetry) {
            // only accepted submissions count against the limits
            release(userPermit, ipPermit);
            // the same submission arrived twice at once: the other request made it
            SubmissionKey made = QuarkusTransaction.requiringNew().call(() -> em.find(SubmissionKey.class, keyHash));
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
        Report report = QuarkusTransaction.requiringNew().call(() -> em.find(Report.class, earlier.getReportId()));
        return receipt(report, queryCodeFor(keyHash));
    }

    private String fingerprint(ReportRequests.Submission request) {
        try {
            return Hashes.sha256Hex(json.writeValueAsString(request));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Report create(long userId, String ip, ReportRequests.Submission r, String keyHash, String requestHash,
                          String codeHash) {
        Channel channel = Channel.valueOf(r.channel().toUpperCase(Locale.ROOT));
        ReportCategory category = em.find(ReportCategory.class, r.category());
        if (category == null || !category.isActive() || category.getChannel() != channel) {
            throw ProblemException.invalid("category", "is not a category of the " + channel.name().toLowerCase(Locale.ROOT) + " channel");
        }
        boolean anonymous = Boolean.TRUE.equals(r.anonymous());
        AppUser reporter = em.find(AppUser.class, userId);
        Instant now = clock.instant();
        LocalDate today = today();
        int acceptDays = channel == Channel.STREET ? config.streetAcceptDays() : config.supervisionAcceptDays();
        Report report = new Report(numbers.next(channel, today), channel, category.getCode(), r.description().strip(),
                anonymous, userId, "miniprogram", now, calendar.addWorkingDays(today, acceptDays));
        report.setQueryCodeHash(codeHash);
        if (channel == Channel.STREET) {
            if (r.location() == null) {
                throw ProblemException.invalid("location", "is required for a street report");
            }
            if (!Gcj02.inChina(r.location().latitude(), r.location().longitude())) {
                throw ProblemException.invalid("location", "is outside the area this service covers");
            }
            Gcj02.Point wgs = Gcj02.toWgs84(r.location().latitude(), r.location().longitude());
            report.setLocation(r.location().latitude(), r.location().longitude(), wgs.lat(), wgs.lon());
            if (r.district() != null && !r.district().isBlank()) {
                if (!config.districts().contains(r.district().strip())) {
                    throw ProblemException.invalid("district", "must be one of " + String.join(", ", config.districts()));
                }
                report.setDistrict(r.district().strip());
            }
            report.setAddress(r.address() == null || r.address().isBlank() ? null : r.address().strip());
        } else if (r.location() != null) {
            throw ProblemException.invalid("location", "is not taken for supervision reports");
        }
        if (r.contactPhone() != null && !r.contactPhone().isBlank()) {
            String phone = r.contactPhone().replaceAll("[ -]", "");
            report.setContact(cipher.encrypt(phone), PersonalDataCipher.mask(phone));
        }
        if (r.namedStaff() != null && !r.namedStaff().isEmpty()) {
            if (channel != Channel.SUPERVISION) {
                throw ProblemException.invalid("namedStaff", "is only for supervision reports");
            }
            for (Long staffId : new HashSet<>(r.namedStaff())) {
                AppUser staff = em.find(AppUser.class, staffId);
                if (staff == null || staff.getKind() != AccountKind.STAFF) {
                    throw ProblemException.invalid("namedStaff", "names someone who is not on the staff list");
                }
                report.getNamedStaff().add(staffId);
                if (staff.isPrincipalLeader()) {
                    report.setForHigherLevel(true);
                }
            }
        }
        List<String> photos = r.photos() == null ? List.of() : r.photos();
        for (String uploadId : photos) {
            MediaUpload photo = uploads.verified(userId, uploadId, MediaKind.EVIDENCE, "photos");
            report.getPhotos().add(new ReportPhoto(photo.getId(), ReportPhoto.Stage.BEFORE));
            if (anonymous) {
                em.find(MediaUpload.class, photo.getId()).detachOwner();
            }
        }
        report.setHeld(blocks.blocked(userId, ip));
        em.persist(report);
        em.persist(new ReportEvent(report.getId(), now, null, ReportEvent.Kind.SUBMITTED, null, ReportStatus.SUBMITTED,
                null, true));
        if (report.isForHigherLevel()) {
            // 检举控告工作规则: a complaint about the organ's principal leader is handled by the level above
            report.setTransferredTo(config.higherLevel());
            report.moveTo(ReportStatus.TRANSFERRED, now);
            em.persist(new ReportEvent(report.getId(), now, null, ReportEvent.Kind.TRANSITION, ReportStatus.SUBMITTED,
                    ReportStatus.TRANSFERRED, "依照规定转送" + config.higherLevel() + "办理", true));
        }
        if (Boolean.TRUE.equals(r.subscribe()) && reporter != null && reporter.getOpenid() != null) {
            em.persist(new ReportSubscription(report.getId(), cipher.encrypt(reporter.getOpenid())));
        }
        em.persist(new SubmissionKey(keyHash, report.getId(), now, requestHash));
        em.flush();
        return report;
    }

    /** Follow-up without signing in: the number and the query code. A wrong code answers like an unknown number. */
    public ReportViews.Tracking track(String ip, String number, String code) {
        return tracking(verifiedByCode(ip, number, code));
    }

    public ReportViews.Tracking respondByCode(String ip, ReportRequests.Response response, boolean dispute) {
        Report report = verifiedByCode(ip, response.number(), response.code());
        return tracking(respond(report.getId(), dispute, response.reason()));
    }

    public ReportViews.Tracking respondAsReporter(long userId, String number, boolean dispute, String reason) {
        Report report = QuarkusTransaction.requiringNew().call(() -> byNumber(number))
                .filter(r -> !r.isAnonymous() && r.getReporterId() != null && r.getReporterId() == userId)
                .orElseThrow(() -> ProblemException.notFound("Report " + number));
        return tracking(respond(report.getId(), dispute, reason));
    }

    public ReportViews.Tracking mine(long userId, String number) {
        return QuarkusTransaction.requiringNew().call(() -> byNumber(number)
                .filter(r -> !r.isAnonymous() && r.getReporterId() != null && r.getReporterId() == userId)
                .map(this::tracking).orElseThrow(() -> ProblemException.notFound("Report " + number)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportViews.Mine> mine(long userId, PageRequest page) {
        var rows = KeysetQuery.of("Report", "r", "createdAt").where("r.reporterId = :user", "user", userId)
                .after(page.after()).create(em, Report.class, page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), r -> new Cursor(r.getCreatedAt(), r.getId()),
                r -> new ReportViews.Mine(r.getNumber(), r.getChannel(), categoryName(r.getCategoryCode()), r.getStatus(),
                        r.getStatus().label(), r.getCreatedAt(), r.getAcceptDue(), r.isOverdue()));
    }

    /**
     * Within {@code disputeDays} of closure the reporter confirms the result or disputes it; a dispute reopens the
     * report with the reason on its timeline (the FixMyStreet gap: "closed" while not fixed, and no way back).
     */
    private Report respond(long reportId, boolean dispute, String reason) {
        Instant now = clock.instant();
        Report report = QuarkusTransaction.requiringNew().call(() -> {
            Report r = em.find(Report.class, reportId);
            if (r.getStatus() != ReportStatus.CLOSED || r.getClosedAt() == null) {
                throw ProblemException.conflict("Only a closed report can be confirmed or disputed");
            }
            if (now.isAfter(respondUntil(r))) {
                throw ProblemException.conflict("The " + config.disputeDays() + " days to respond to the result have passed");
            }
            if (r.getConfirmedAt() != null) {
                throw ProblemException.conflict("The result was already confirmed");
            }
            if (dispute) {
                if (reason == null || reason.isBlank()) {
                    throw ProblemException.invalid("reason", "must say what is still wrong");
                }
                r.reopen(now);
                em.persist(new ReportEvent(r.getId(), now, null, ReportEvent.Kind.DISPUTED, ReportStatus.CLOSED,
                        ReportStatus.IN_PROGRESS, "市民对办理结果有异议：" + reason.strip(), true));
                r.refreshOverdue(today(), now);
                changed.fire(new ReportNotifier.StatusChanged(r.getId()));
            } else {
                r.confirm(now);
                em.persist(new ReportEvent(r.getId(), now, null, ReportEvent.Kind.CONFIRMED, null, null,
                        "市民确认办理结果", true));
            }
            return r;
        });
        return report;
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
                ? QuarkusTransaction.requiringNew().call(() -> byNumber(normalizedNumber)) : Optional.empty();
        boolean right;
        if (report.isEmpty() || report.get().getQueryCodeHash() == null) {
            hasher.verifyDecoy(candidate);
            right = false;
        } else {
            right = hasher.verify(candidate, report.get().getQueryCodeHash());
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

    /** The citizen's view of a report just read or changed; joins the caller's transaction when there is one. */
    private ReportViews.Tracking tracking(Report r) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<ReportViews.TimelineEntry> timeline = em.createQuery(
                            "select e from ReportEvent e where e.reportId = :id order by e.id", ReportEvent.class)
                    .setParameter("id", r.getId()).getResultList().stream()
                    .filter(e -> e.getToStatus() != null || e.isPublicNote())
                    .map(e -> new ReportViews.TimelineEntry(e.getAt(), e.getToStatus(),
                            e.getToStatus() == null ? null : e.getToStatus().label(), e.isPublicNote() ? e.getNote() : null))
                    .toList();
            String duplicateOf = r.getDuplicateOf() == null ? null : em.find(Report.class, r.getDuplicateOf()).getNumber();
            return new ReportViews.Tracking(r.getNumber(), r.getChannel(), categoryName(r.getCategoryCode()), r.getStatus(),
                    r.getStatus().label(), r.getCreatedAt(), r.getAcceptDue(), r.getResultDue(), r.isOverdue(),
                    r.getTransferredTo(), duplicateOf, r.getClosedAt(), r.getConfirmedAt(),
                    r.getStatus() == ReportStatus.CLOSED && r.getConfirmedAt() == null ? respondUntil(r) : null, timeline);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.Category> categories(Channel channel) {
        var query = em.createQuery("select c from ReportCategory c where c.active = true"
                + (channel == null ? "" : " and c.channel = :channel") + " order by c.channel, c.position", ReportCategory.class);
        if (channel != null) {
            query.setParameter("channel", channel);
        }
        return query.getResultList().stream()
                .map(c -> new ReportViews.Category(c.getCode(), c.getChannel(), c.getName(), c.getDescription())).toList();
    }

    /** The staff directory a supervision reporter picks named people from: names and units, nothing else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.StaffMember> staff(String query) {
        String q = query == null ? "" : query.strip();
        // the citizen's text is matched literally: % and _ are not wildcards here
        String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return em.createQuery("select u from AppUser u where u.kind = :staff and u.disabled = false"
                        + " and (:q = '' or u.displayName like :like escape '!' or u.unit like :like escape '!')"
                        + " order by u.displayName", AppUser.class)
                .setParameter("staff", AccountKind.STAFF).setParameter("q", q).setParameter("like", like)
                .setMaxResults(50).getResultList().stream()
                .map(u -> new ReportViews.StaffMember(u.getId(), u.getDisplayName(), u.getUnit())).toList();
    }

    Instant respondUntil(Report r) {
        return r.getClosedAt().plus(Duration.ofDays(config.disputeDays()));
    }

    private Optional<Report> byNumber(String number) {
        return em.createQuery("select r from Report r where r.number = :number", Report.class)
                .setParameter("number", number).getResultStream().findFirst();
    }

    private String categoryName(String code) {
        ReportCategory category = em.find(ReportCategory.class, code);
        return category == null ? code : category.getName();
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

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }
}
