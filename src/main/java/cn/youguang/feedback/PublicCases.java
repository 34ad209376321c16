package cn.youguang.feedback;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Street reports as open data for a map (FixMyStreet-style): number, category, status, district, dates and a
 * location rounded to three decimals (about 100 m). Never the citizen's text, photos, exact coordinates, address,
 * contact or anything about the reporter; supervision reports and held reports never appear.
 */
@ApplicationScoped
public class PublicCases {

    /** GCJ-02, as the mini-program's map draws it, rounded to about 100 m. */
    public record Location(BigDecimal latitude, BigDecimal longitude) {
    }

    public record PublicCase(String number, String category, String categoryName, String status, String statusLabel,
                             String district, LocalDate reportedOn, LocalDate updatedOn, LocalDate closedOn,
                             Location location) {
    }

    /** minLon,minLat,maxLon,maxLat in GCJ-02. */
    record Box(double minLon, double minLat, double maxLon, double maxLat) {
    }

    private final EntityManager em;
    private final ReportCategoryRepository categories;
    private final CityArea area;
    private final FeedbackConfig config;

    public PublicCases(EntityManager em, ReportCategoryRepository categories, CityArea area, FeedbackConfig config) {
        this.em = em;
        this.categories = categories;
        this.area = area;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublicCase> list(String bbox, String category, String status, PageRequest page) {
        Box box = box(bbox);
        ReportStatus wanted = QueryParams.enumValue("status", status, ReportStatus.class);
        String code = category == null || category.isBlank() ? null : category.strip();
        Map<String, String> names = categories.names();
        if (code != null && !names.containsKey(code)) {
            throw ProblemException.invalid("category", "is not a report category");
        }
        KeysetQuery query = KeysetQuery.of("Report", "r", "createdAt")
                .where("r.channel = :street", "street", Channel.STREET).where("r.held = false")
                .where("r.categoryCode = :category", "category", code)
                .where("r.status = :status", "status", wanted);
        if (box != null) {
            query.where("r.gcjLat >= :minLat", "minLat", box.minLat()).where("r.gcjLat <= :maxLat", "maxLat", box.maxLat())
                    .where("r.gcjLon >= :minLon", "minLon", box.minLon()).where("r.gcjLon <= :maxLon", "maxLon", box.maxLon());
        }
        List<Report> rows = query.after(page.after()).create(em, Report.class, page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), r -> new Cursor(r.getCreatedAt(), r.getId()),
                r -> new PublicCase(r.getNumber(), r.getCategoryCode(), names.get(r.getCategoryCode()),
                        r.getStatus().name().toLowerCase(Locale.ROOT), r.getStatus().label(), r.getDistrict(),
                        day(r.getCreatedAt()), day(r.getUpdatedAt()), r.getClosedAt() == null ? null : day(r.getClosedAt()),
                        r.getGcjLat() == null ? null : new Location(rounded(r.getGcjLat()), rounded(r.getGcjLon()))));
    }

    /** A malformed box is a 400; one larger than the whole city (no map needs it, it only pages everything) a 422. */
    private Box box(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.split(",", -1);
        if (parts.length != 4) {
            throw ProblemException.invalid("bbox", "must be minLongitude,minLatitude,maxLongitude,maxLatitude");
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(v[i]) || parts[i].strip().length() > 20) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("bbox", "must be four decimal numbers: minLongitude,minLatitude,maxLongitude,maxLatitude");
        }
        Box box = new Box(v[0], v[1], v[2], v[3]);
        if (box.minLon() < -180 || box.maxLon() > 180 || box.minLat() < -90 || box.maxLat() > 90
                || box.minLon() >= box.maxLon() || box.minLat() >= box.maxLat()) {
            throw ProblemException.invalid("bbox", "must have its minimum before its maximum, within -180..180 and -90..90");
        }
        if (box.maxLon() - box.minLon() > area.widthDegrees() || box.maxLat() - box.minLat() > area.heightDegrees()) {
            throw new ProblemException(422, "Unprocessable Content", "bbox is larger than the city",
                    List.of(new Problem.FieldError("bbox", "is larger than the city; ask for a smaller area")));
        }
        return box;
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }

    private static BigDecimal rounded(double coordinate) {
        return BigDecimal.valueOf(coordinate).setScale(3, RoundingMode.HALF_UP);
    }
}
