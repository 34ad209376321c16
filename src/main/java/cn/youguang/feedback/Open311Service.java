package cn.youguang.feedback;

import cn.youguang.common.RateLimiter;

import cn.youguang.common.PublicUrl;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open311 GeoReport v2 for street reports (城管随手拍 only: supervision reports are never exposed). Public output
 * carries no personal data: no contact, no reporter, no photos, none of the citizen's text (description, address,
 * dispute reasons; status_notes are staff notes only), and coordinates cut to three decimals (about 100 m).
 */
@ApplicationScoped
public class Open311Service {

    static final int MAX_RESULTS = 1000;
    private static final Duration MAX_SPAN = Duration.ofDays(90);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String AGENCY = "城市管理局";

    private final EntityManager em;
    private final FeedbackConfig config;
    private final WorkCalendar calendar;
    private final Open311Clients clients;
    private final RateLimiter limits;
    private final PublicUrl publicUrl;
    private final ReportNumbers numbers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Open311Service(EntityManager em, FeedbackConfig config, WorkCalendar calendar, Open311Clients clients,
                          RateLimiter limits, PublicUrl publicUrl, ReportNumbers numbers, Clock clock) {
        this.em = em;
        this.config = config;
        this.calendar = calendar;
        this.clients = clients;
        this.limits = limits;
        this.publicUrl = publicUrl;
        this.numbers = numbers;
        this.clock = clock;
    }

    public Map<String, Object> discovery() {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", publicUrl.of("/open311/v2"));
        endpoint.put("changeset", "2026-11-25T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", "2026-11-25T00:00:00+08:00");
        discovery.put("contact", "城市管理局 城管随手拍");
        discovery.put("key_service", "API keys are issued by the bureau's administrators");
        discovery.put("endpoints", List.of(endpoint));
        return discovery;
    }

    public List<Map<String, Object>> services() {
        return streetCategories().stream().map(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.getCode());
            s.put("service_name", c.getName());
            s.put("description", c.getDescription());
            s.put("metadata", false);
            s.put("type", "realtime");
            s.put("keywords", "");
            s.put("group", "城管随手拍");
            return s;
        }).toList();
    }

    public Map<String, Object> service(String code) {
        ReportCategory category = streetCategories().stream().filter(c -> c.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found"));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.getCode());
        definition.put("attributes", List.of());
        return definition;
    }

    public List<Map<String, Object>> create(Map<String, String> form) {
        Open311Clients.Client client = clients.byKey(form.get("api_key"))
                .orElseThrow(() -> new Open311Exception(403, "api_key is missing or not valid"));
        // per client, not per name: two systems may be registered under one name
        limits.acquire("open311:" + client.id(), 60, Duration.ofMinutes(1), "Too many requests for this api_key; retry in a minute");
        String code = form.get("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Exception(400, "service_code is required");
        }
        ReportCategory category = streetCategories().stream().filter(c -> c.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new Open311Exception(400, "service_code " + code + " is not a service"));
        Double lat = number(form.get("lat"), "lat", -90, 90);
        Double lon = number(form.get("long"), "long", -180, 180);
        if (lat != null && lon != null && !Gcj02.inChina(lat, lon)) {
            throw new Open311Exception(400, "lat and long are outside the area this service covers");
        }
        String address = trimmed(form.get("address_string"));
        if ((lat == null || lon == null) && address == null) {
            throw new Open311Exception(400, "lat and long, or address_string, are required");
        }
        String description = trimmed(form.get("description"));
        if (description == null) {
            description = category.getName();
        }
        if (description.length() > 2000) {
            throw new Open311Exception(400, "description is longer than 2000 characters");
        }
        String text = description;
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        Report report = QuarkusTransaction.requiringNew().call(() -> {
            Report r = new Report(numbers.next(Channel.STREET, today), Channel.STREET, category.getCode(), text, false, null,
                    "open311:" + client.name(), now, calendar.addWorkingDays(today, config.streetAcceptDays()));
            if (lat != null && lon != null) {
                Gcj02.Point gcj = Gcj02.fromWgs84(lat, lon);
                r.setLocation(gcj.lat(), gcj.lon(), lat, lon);
            }
            r.setAddress(address == null ? null : address.length() > 200 ? address.substring(0, 200) : address);
            r.setOpen311Token(token());
            em.persist(r);
            em.persist(new ReportEvent(r.getId(), now, null, ReportEvent.Kind.SUBMITTED, null, ReportStatus.SUBMITTED,
                    null, true));
            return r;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", report.getNumber());
        answer.put("token", report.getOpen311Token());
        answer.put("service_notice", "将在" + report.getAcceptDue() + "前受理");
        answer.put("account_id", null);
        return List.of(answer);
    }

    public List<Map<String, Object>> requests(Map<String, String> query) {
        String ids = trimmed(query.get("service_request_id"));
        List<Report> found;
        if (ids != null) {
            List<String> numbers = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).limit(100).toList();
            found = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select r from Report r where"
                            + " r.channel = :street and r.held = false and r.number in :numbers order by r.createdAt desc", Report.class)
                    .setParameter("street", Channel.STREET).setParameter("numbers", numbers).getResultList());
        } else {
            Instant end = date(query.get("end_date"), "end_date").orElse(clock.instant());
            Instant start = date(query.get("start_date"), "start_date").orElse(end.minus(MAX_SPAN));
            if (start.isAfter(end)) {
                throw new Open311Exception(400, "start_date is after end_date");
            }
            if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw new Open311Exception(400, "start_date and end_date may be at most 90 days apart");
            }
            String status = trimmed(query.get("status"));
            if (status != null && !status.equals("open") && !status.equals("closed")) {
                throw new Open311Exception(400, "status must be open or closed");
            }
            String code = trimmed(query.get("service_code"));
            List<ReportStatus> wanted = status == null ? Arrays.asList(ReportStatus.values())
                    : Arrays.stream(ReportStatus.values()).filter(s -> s.isOpen() == status.equals("open")).toList();
            found = QuarkusTransaction.requiringNew().call(() -> {
                var q = em.createQuery("select r from Report r where"
                                + " r.channel = :street and r.held = false and r.createdAt >= :start and r.createdAt <= :end"
                                + " and r.status in :statuses" + (code == null ? "" : " and r.categoryCode = :code")
                                + " order by r.createdAt desc, r.id desc", Report.class)
                        .setParameter("street", Channel.STREET).setParameter("start", start).setParameter("end", end)
                        .setParameter("statuses", wanted).setMaxResults(MAX_RESULTS);
                if (code != null) {
                    q.setParameter("code", code);
                }
                return q.getResultList();
            });
        }
        return present(found);
    }

    /** Category names and staff notes for all rows at once, in one transaction. */
    private List<Map<String, Object>> present(List<Report> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> names = new java.util.HashMap<>();
            em.createQuery("select c from ReportCategory c", ReportCategory.class).getResultList()
                    .forEach(c -> names.put(c.getCode(), c.getName()));
            Map<Long, String> notes = new java.util.HashMap<>();
            // staff notes only (actor set): a citizen's dispute text is theirs, not for publication
            em.createQuery("select e.reportId, e.note from ReportEvent e where e.reportId in :ids and e.publicNote = true"
                            + " and e.note is not null and e.actorId is not null order by e.id", Object[].class)
                    .setParameter("ids", reports.stream().map(Report::getId).toList()).getResultList()
                    .forEach(row -> notes.put((Long) row[0], (String) row[1]));
            return reports.stream().map(r -> request(r, names.getOrDefault(r.getCategoryCode(), r.getCategoryCode()),
                    notes.get(r.getId()))).toList();
        });
    }

    public List<Map<String, Object>> request(String number) {
        List<Map<String, Object>> one = requests(Map.of("service_request_id", number));
        if (one.isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + number + " not found");
        }
        return one;
    }

    public List<Map<String, Object>> token(String token) {
        Report report = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select r from Report r where r.open311Token = :t", Report.class).setParameter("t", token)
                .getResultStream().findFirst().orElse(null));
        if (report == null) {
            throw new Open311Exception(404, "token " + token + " not found");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", report.getNumber());
        answer.put("token", token);
        return List.of(answer);
    }

    private Map<String, Object> request(Report r, String serviceName, String statusNotes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.getNumber());
        m.put("status", r.getStatus().isOpen() ? "open" : "closed");
        m.put("status_notes", statusNotes);
        m.put("service_name", serviceName);
        m.put("service_code", r.getCategoryCode());
        m.put("agency_responsible", r.getAssignedUnit() == null ? AGENCY : r.getAssignedUnit());
        m.put("service_notice", r.getStatus().label());
        m.put("requested_datetime", iso(r.getCreatedAt()));
        m.put("updated_datetime", iso(r.getUpdatedAt()));
        LocalDate expected = r.getResultDue() != null ? r.getResultDue() : r.getAcceptDue();
        m.put("expected_datetime", ISO.format(expected.atTime(23, 59, 59).atZone(config.zone()).toOffsetDateTime()));
        m.put("lat", truncate(r.getWgsLat()));
        m.put("long", truncate(r.getWgsLon()));
        return m;
    }

    private List<ReportCategory> streetCategories() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select c from ReportCategory c where"
                        + " c.channel = :street and c.active = true order by c.position", ReportCategory.class)
                .setParameter("street", Channel.STREET).getResultList());
    }

    private String iso(Instant instant) {
        return ISO.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(config.zone()).toOffsetDateTime());
    }

    private static BigDecimal truncate(Double coordinate) {
        return coordinate == null ? null : BigDecimal.valueOf(coordinate).setScale(3, RoundingMode.DOWN);
    }

    private static Optional<Instant> date(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw.strip(), ISO).toInstant());
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, name + " must be an ISO 8601 date and time with zone, e.g. 2026-11-01T00:00:00+08:00");
        }
    }

    private static Double number(String raw, String name, double min, double max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (value < min || value > max || Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " must be a number between " + (int) min + " and " + (int) max);
        }
    }

    private static String trimmed(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private String token() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

}
