package cn.youguang.feedback;

import cn.youguang.common.RateLimiter;

import cn.youguang.common.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
    private static final String CHANGESET = "2026-11-25T00:00:00+08:00";

    private final ReportRepository reports;
    private final ReportEventRepository events;
    private final ReportCategoryRepository categories;
    private final ReportIntake intake;
    private final FeedbackConfig config;
    private final Open311Clients clients;
    private final RateLimiter limits;
    private final PublicUrl publicUrl;
    private final CityArea area;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Open311Service(ReportRepository reports, ReportEventRepository events, ReportCategoryRepository categories,
                          ReportIntake intake, FeedbackConfig config, Open311Clients clients, RateLimiter limits,
                          PublicUrl publicUrl, CityArea area, Clock clock) {
        this.area = area;
        this.reports = reports;
        this.events = events;
        this.categories = categories;
        this.intake = intake;
        this.config = config;
        this.clients = clients;
        this.limits = limits;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public Open311Documents.Discovery discovery() {
        return new Open311Documents.Discovery(CHANGESET, "城市管理局 城管随手拍",
                "API keys are issued by the bureau's administrators",
                List.of(new Open311Documents.Endpoint("http://wiki.open311.org/GeoReport_v2", publicUrl.of("/open311/v2"),
                        CHANGESET, "production", List.of("text/xml", "application/json"))));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Open311Documents.Services services() {
        return new Open311Documents.Services(streetCategories().stream()
                .map(c -> new Open311Documents.Service(c.getCode(), c.getName(), c.getDescription(), false, "realtime",
                        "", "城管随手拍"))
                .toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Open311Documents.ServiceDefinition service(String code) {
        ReportCategory category = streetCategories().stream().filter(c -> c.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found"));
        return new Open311Documents.ServiceDefinition(category.getCode(), List.of());
    }

    /** Checks the form in Open311's terms, then files the report through the one intake (block list included). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Open311Documents.ServiceRequests create(String ip, Map<String, String> form) {
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
        if (lat != null && lon != null && (!Gcj02.inChina(lat, lon) || !area.contains(lat, lon))) {
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
        Report report = intake.fromOpen311(client, ip, new ReportIntake.Open311Filing(category, description, lat, lon,
                address, token()));
        return new Open311Documents.ServiceRequests(List.of(new Open311Documents.Created(report.getNumber(),
                report.getOpen311Token(), "将在" + report.getAcceptDue() + "前受理", null)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Open311Documents.ServiceRequests requests(Map<String, String> query) {
        String ids = trimmed(query.get("service_request_id"));
        List<Report> found;
        if (ids != null) {
            List<String> numbers = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).limit(100).toList();
            found = reports.publicStreetByNumbers(numbers);
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
            found = reports.publicStreetBetween(start, end, wanted, code, MAX_RESULTS);
        }
        return new Open311Documents.ServiceRequests(present(found));
    }

    /** Category names and staff notes for all rows at once. */
    private List<Open311Documents.Request> present(List<Report> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = categories.names();
        Map<Long, String> notes = events.latestPublicStaffNotes(found.stream().map(Report::getId).toList());
        return found.stream().map(r -> request(r, names.getOrDefault(r.getCategoryCode(), r.getCategoryCode()),
                notes.get(r.getId()))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Open311Documents.ServiceRequests request(String number) {
        Open311Documents.ServiceRequests one = requests(Map.of("service_request_id", number));
        if (one.requests().isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + number + " not found");
        }
        return one;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Open311Documents.ServiceRequests token(String token) {
        Report report = reports.byOpen311Token(token)
                .orElseThrow(() -> new Open311Exception(404, "token " + token + " not found"));
        return new Open311Documents.ServiceRequests(List.of(new Open311Documents.TokenAnswer(report.getNumber(), token)));
    }

    private Open311Documents.Request request(Report r, String serviceName, String statusNotes) {
        LocalDate expected = r.getResultDue() != null ? r.getResultDue() : r.getAcceptDue();
        return new Open311Documents.Request(r.getNumber(), r.getStatus().isOpen() ? "open" : "closed", statusNotes,
                serviceName, r.getCategoryCode(), r.getAssignedUnit() == null ? AGENCY : r.getAssignedUnit(),
                r.getStatus().label(), iso(r.getCreatedAt()), iso(r.getUpdatedAt()),
                ISO.format(expected.atTime(23, 59, 59).atZone(config.zone()).toOffsetDateTime()),
                truncate(r.getWgsLat()), truncate(r.getWgsLon()));
    }

    private List<ReportCategory> streetCategories() {
        return intake.categories(Channel.STREET);
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
