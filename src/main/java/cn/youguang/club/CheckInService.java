package cn.youguang.club;

import cn.youguang.common.IdempotencyKey;
import cn.youguang.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily check-ins (打卡) on Asia/Shanghai calendar days, taken from the injected clock. The unique key (user, day)
 * is the one-per-day limit, so two instances or two taps at once cannot make a second one.
 */
@ApplicationScoped
public class CheckInService {

    static final String KIND = "check-in";
    private static final int LEADERBOARD_SIZE = 50;

    private final EntityManager em;
    private final ClubConfig config;
    private final RequestKeys keys;
    private final PostReader reader;
    private final Clock clock;

    public CheckInService(EntityManager em, ClubConfig config, RequestKeys keys, PostReader reader, Clock clock) {
        this.em = em;
        this.config = config;
        this.keys = keys;
        this.reader = reader;
        this.clock = clock;
    }

    public record Created(ClubViews.CheckIn checkIn, boolean replayed) {
    }

    public Created checkIn(long userId, ClubRequests.CheckIn request, String rawKey) {
        String key = IdempotencyKey.required(rawKey);
        if (request.pages() == null && request.minutes() == null) {
            throw ProblemException.invalid("pages", "or minutes is required: how much was read");
        }
        String requestHash = keys.fingerprint(request);
        Optional<Long> earlier = keys.earlier(userId, key, KIND, requestHash);
        if (earlier.isPresent()) {
            return new Created(view(earlier.get()), true);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        long id;
        try {
            id = QuarkusTransaction.requiringNew().call(() -> {
                CheckIn checkIn = new CheckIn(userId, today, request.bookTitle().strip(), request.pages(), request.minutes(), now);
                em.persist(checkIn);
                em.flush();
                keys.remember(userId, key, KIND, checkIn.getId(), requestHash, now);
                return checkIn.getId();
            });
        } catch (PersistenceException | QuarkusTransactionException taken) {
            Optional<Long> made = keys.earlier(userId, key, KIND, requestHash);
            if (made.isPresent()) {
                return new Created(view(made.get()), true);
            }
            Instant tomorrow = today.plusDays(1).atStartOfDay(config.zone()).toInstant();
            throw ProblemException.tooManyRequests("You have already checked in today; come back tomorrow",
                    Duration.between(now, tomorrow));
        }
        return new Created(view(id), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClubViews.Streaks streaks(long userId) {
        List<LocalDate> days = em.createQuery("select c.day from CheckIn c where c.userId = :user order by c.day desc",
                LocalDate.class).setParameter("user", userId).getResultList();
        return streaks(days, LocalDate.ofInstant(clock.instant(), config.zone()));
    }

    /**
     * From the days checked in, newest first: the current streak runs back from today, or from yesterday while today
     * is still open; the longest is the longest run of consecutive days.
     */
    static ClubViews.Streaks streaks(List<LocalDate> newestFirst, LocalDate today) {
        int current = 0;
        if (!newestFirst.isEmpty() && !newestFirst.get(0).isBefore(today.minusDays(1))) {
            LocalDate expected = newestFirst.get(0);
            for (LocalDate day : newestFirst) {
                if (!day.equals(expected)) {
                    break;
                }
                current++;
                expected = expected.minusDays(1);
            }
        }
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : newestFirst) {
            run = previous != null && day.equals(previous.minusDays(1)) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        boolean checkedInToday = !newestFirst.isEmpty() && newestFirst.get(0).equals(today);
        return new ClubViews.Streaks(current, longest, checkedInToday, newestFirst.size());
    }

    /** Cadres by check-ins in the month; a tie goes to whoever reached the count first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClubViews.Leaderboard leaderboard(YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, count(*), max(created_at) from club_check_in"
                        + " where read_on >= ?1 and read_on <= ?2 group by user_id order by count(*) desc, max(created_at), user_id")
                .setParameter(1, month.atDay(1)).setParameter(2, month.atEndOfMonth())
                .setMaxResults(LEADERBOARD_SIZE).getResultList();
        Map<Long, ClubViews.Author> authors = reader.authors(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<ClubViews.LeaderboardEntry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            entries.add(new ClubViews.LeaderboardEntry(entries.size() + 1, authors.get(((Number) row[0]).longValue()),
                    ((Number) row[1]).longValue(), instant(row[2])));
        }
        return new ClubViews.Leaderboard(month.toString(), entries);
    }

    public YearMonth currentMonth() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), config.zone()));
    }

    private ClubViews.CheckIn view(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            CheckIn c = em.find(CheckIn.class, id);
            return new ClubViews.CheckIn(c.getId(), c.getDay(), c.getBookTitle(), c.getPages(), c.getMinutes(),
                    c.getCreatedAt(), streaks(c.getUserId()));
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value instanceof java.time.ZonedDateTime z ? z.toInstant() : null;
    }
}
