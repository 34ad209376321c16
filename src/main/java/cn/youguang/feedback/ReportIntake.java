package cn.youguang.feedback;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AppUser;
import cn.youguang.auth.ConsentRecord;
import cn.youguang.auth.Consents;
import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import cn.youguang.media.MediaKind;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.UploadService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The one way a report comes in, from the mini-program or from an Open311 client: a number, the acceptance due
 * date, the block list (a blocked user or address has its report kept but held out of every queue), the first
 * line of the timeline, and the rule that a complaint about the principal leader goes to the level above.
 */
@ApplicationScoped
public class ReportIntake {

    /** What an Open311 client filed, already read from its form. Coordinates are WGS-84, as Open311 has them. */
    public record Open311Filing(ReportCategory category, String description, Double lat, Double lon, String address,
                                String token) {
    }

    private final EntityManager em;
    private final ReportRepository reports;
    private final ReportCategoryRepository categories;
    private final ReportLifecycle lifecycle;
    private final ReportNumbers numbers;
    private final Blocks blocks;
    private final UploadService uploads;
    private final PersonalDataCipher cipher;
    private final Consents consents;
    private final FeedbackConfig config;
    private final CityArea area;
    private final ReceivingBodies bodies;
    private final Clock clock;

    public ReportIntake(EntityManager em, ReportRepository reports, ReportCategoryRepository categories,
                        ReportLifecycle lifecycle, ReportNumbers numbers, Blocks blocks, UploadService uploads,
                        PersonalDataCipher cipher, Consents consents, FeedbackConfig config, CityArea area,
                        ReceivingBodies bodies, Clock clock) {
        this.consents = consents;
        this.bodies = bodies;
        this.area = area;
        this.em = em;
        this.reports = reports;
        this.categories = categories;
        this.lifecycle = lifecycle;
        this.numbers = numbers;
        this.blocks = blocks;
        this.uploads = uploads;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A citizen's submission from the mini-program, with its Idempotency-Key and the hash of its query code. A
     * concurrent twin with the same key fails on the key's primary key, and the caller answers with the twin.
     */
    @Transactional
    public Report fromCitizen(long userId, String ip, ReportRequests.Submission r, String keyHash, String requestHash,
                              String codeHash) {
        Channel channel = Channel.valueOf(r.channel().toUpperCase(Locale.ROOT));
        ReportCategory category = categories.activeOf(channel, r.category()).orElseThrow(() -> ProblemException.invalid(
                "category", "is not a category of the " + channel.name().toLowerCase(Locale.ROOT) + " channel"));
        boolean anonymous = Boolean.TRUE.equals(r.anonymous());
        Instant now = clock.instant();
        Report report = open(channel, category, r.description().strip(), anonymous, userId, "miniprogram", now);
        report.setQueryCodeHash(codeHash);
        if (channel == Channel.STREET) {
            if (r.location() == null) {
                throw ProblemException.invalid("location", "is required for a street report");
            }
            Gcj02.Point wgs = Gcj02.inChina(r.location().latitude(), r.location().longitude())
                    ? Gcj02.toWgs84(r.location().latitude(), r.location().longitude()) : null;
            if (wgs == null || !area.contains(wgs.lat(), wgs.lon())) {
                throw new ProblemException(422, "Unprocessable Content", "location is outside the city area",
                        List.of(new Problem.FieldError("location", "is outside the city area this service covers")));
            }
            // precise whereabouts are sensitive personal information: only with consent under the guide in force
            consents.require(r.consentVersion());
            report.setLocation(r.location().latitude(), r.location().longitude(), wgs.lat(), wgs.lon());
            report.setLocatedDistrict(area.districtOf(wgs.lat(), wgs.lon()).orElse(null));
            if (r.district() != null && !r.district().isBlank()) {
                if (!config.districts().contains(r.district().strip())) {
                    throw ProblemException.invalid("district", "must be one of " + String.join(", ", config.districts()));
                }
                report.setDistrict(r.district().strip());
            } else {
                report.setDistrict(report.getLocatedDistrict());
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
        accept(report, userId, ip, now);
        if (report.getWgsLat() != null) {
            // an anonymous report's consent names no one, like the report itself
            consents.record(anonymous ? null : userId, report.getId(), ConsentRecord.Item.LOCATION);
        }
        AppUser reporter = em.find(AppUser.class, userId);
        if (Boolean.TRUE.equals(r.subscribe()) && reporter != null && reporter.getOpenid() != null) {
            em.persist(new ReportSubscription(report.getId(), cipher.encrypt(reporter.getOpenid())));
        }
        em.persist(new SubmissionKey(keyHash, report.getId(), now, requestHash));
        em.flush();
        return report;
    }

    /** A street report filed by an Open311 client from the address {@code ip}; it names no citizen. */
    @Transactional
    public Report fromOpen311(Open311Clients.Client client, String ip, Open311Filing filing) {
        Instant now = clock.instant();
        Report report = open(Channel.STREET, filing.category(), filing.description(), false, null,
                "open311:" + client.name(), now);
        if (filing.lat() != null && filing.lon() != null) {
            Gcj02.Point gcj = Gcj02.fromWgs84(filing.lat(), filing.lon());
            report.setLocation(gcj.lat(), gcj.lon(), filing.lat(), filing.lon());
            report.setLocatedDistrict(area.districtOf(filing.lat(), filing.lon()).orElse(null));
            report.setDistrict(report.getLocatedDistrict());
        }
        String address = filing.address();
        report.setAddress(address == null ? null : address.length() > 200 ? address.substring(0, 200) : address);
        report.setOpen311Token(filing.token());
        accept(report, null, ip, now);
        return report;
    }

    /** Active categories of a channel (of both when null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportCategory> categories(Channel channel) {
        return categories.active(channel);
    }

    private Report open(Channel channel, ReportCategory category, String description, boolean anonymous, Long reporterId,
                        String source, Instant now) {
        LocalDate today = lifecycle.today(now);
        return new Report(numbers.next(channel, today), channel, category.getCode(), description, anonymous,
                reporterId, source, now, lifecycle.acceptDue(channel, today));
    }

    private void accept(Report report, Long userId, String ip, Instant now) {
        report.setHeld(blocks.blocked(userId, ip));
        reports.persist(report);
        em.persist(new ReportEvent(report.getId(), now, null, ReportEvent.Kind.SUBMITTED, null, ReportStatus.SUBMITTED,
                null, true));
        if (report.isForHigherLevel()) {
            lifecycle.sendToHigherLevel(report, now);
            bodies.byName(config.higherLevel()).ifPresent(body -> report.setTransferredBodyId(body.getId()));
            em.persist(new ReportEvent(report.getId(), now, null, ReportEvent.Kind.TRANSITION, ReportStatus.SUBMITTED,
                    ReportStatus.TRANSFERRED, "依照规定转送" + config.higherLevel() + "办理", true));
        }
    }
}
