package cn.youguang.privacy;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AppUser;
import cn.youguang.auth.PersonalDataConfig;
import cn.youguang.common.PersonalData;
import cn.youguang.common.ProblemException;
import cn.youguang.media.UploadService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's account deletion (PIPL Art. 47): requested by the person, erased after a cooling-off period they can
 * cancel. The erasure runs every feature's {@link PersonalData#erase} in one transaction, so an account is either
 * still whole or gone everywhere; the stored objects of removed photos go after the commit. Reports stay for the
 * bureau's duty of record, detached from the person and still trackable by number and query code.
 */
@ApplicationScoped
public class AccountDeletion {

    private static final Logger LOG = Logger.getLogger(AccountDeletion.class);
    private static final int BATCH = 100;

    /** The state of a deletion request, as its owner sees it. */
    public record Status(boolean requested, Instant requestedAt, Instant dueAt, String note) {
    }

    private final EntityManager em;
    private final Instance<PersonalData> holders;
    private final UploadService uploads;
    private final PersonalDataConfig config;
    private final boolean clubContentKept;
    private final Clock clock;

    public AccountDeletion(EntityManager em, Instance<PersonalData> holders, UploadService uploads,
                           PersonalDataConfig config, Clock clock,
                           @org.eclipse.microprofile.config.inject.ConfigProperty(name = "youguang.club.deleted-account-content",
                                   defaultValue = "remove") String clubContent) {
        this.clubContentKept = "anonymise".equalsIgnoreCase(clubContent);
        this.em = em;
        this.holders = holders;
        this.uploads = uploads;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status(long userId) {
        return statusOf(account(userId, false));
    }

    /** Asks for deletion; asking again while a request waits changes nothing. */
    @Transactional
    public Status request(long userId) {
        AppUser user = account(userId, true);
        if (user.getKind() != AccountKind.WECHAT) {
            // 409, not 403: the caller may use the endpoint; this account is one an administrator closes
            throw ProblemException.conflict("Console accounts are closed by an administrator, not deleted by their holder");
        }
        if (user.getDeletionDueAt() == null) {
            Instant now = clock.instant();
            user.requestDeletion(now, now.plus(config.deletionCoolingOff()));
            LOG.infof("Account %d asked to be deleted; erasure due %s", userId, user.getDeletionDueAt());
        }
        return statusOf(user);
    }

    @Transactional
    public Status cancel(long userId) {
        AppUser user = account(userId, true);
        if (user.getDeletionDueAt() != null) {
            user.cancelDeletion(clock.instant());
            LOG.infof("Account %d cancelled its deletion request", userId);
        }
        return statusOf(user);
    }

    /** Erases every account whose cooling-off period is over; returns how many. */
    public int eraseDue() {
        int erased = 0;
        List<Long> due;
        do {
            Instant now = clock.instant();
            due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select u.id from AppUser u"
                            + " where u.deletionDueAt <= :now and u.deletedAt is null order by u.deletionDueAt, u.id", Long.class)
                    .setParameter("now", now).setMaxResults(BATCH).getResultList());
            for (Long id : due) {
                if (erase(id)) {
                    erased++;
                }
            }
        } while (due.size() == BATCH);
        if (erased > 0) {
            LOG.infof("Erased %d accounts after their cooling-off period", erased);
        }
        return erased;
    }

    /** One account, if it is (still) due: another instance or a cancellation may have come first. */
    boolean erase(long userId) {
        List<String> objects = QuarkusTransaction.requiringNew().call(() -> {
            AppUser user = em.find(AppUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null || user.getDeletedAt() != null || user.getDeletionDueAt() == null
                    || user.getDeletionDueAt().isAfter(clock.instant())) {
                return null;
            }
            List<String> uploadIds = new ArrayList<>();
            for (PersonalData holder : holders) {
                uploadIds.addAll(holder.erase(userId));
            }
            return uploadIds;
        });
        if (objects == null) {
            return false;
        }
        // after the commit: a failed delete leaves an object no row points to, never a row pointing to nothing
        uploads.purge(objects);
        return true;
    }

    private AppUser account(long userId, boolean lock) {
        AppUser user = lock ? em.find(AppUser.class, userId, LockModeType.PESSIMISTIC_WRITE) : em.find(AppUser.class, userId);
        if (user == null || user.getDeletedAt() != null) {
            throw ProblemException.notFound("Account " + userId);
        }
        return user;
    }

    /** What a deletion does, said before and while it is requested. */
    private String note() {
        long days = config.deletionCoolingOff().toDays();
        return "申请后" + days + "天注销账号：资料、微信标识和手机号删除，登录立即失效；"
                + (clubContentKept ? "读书社笔记和评论以“已注销用户”名义保留，打卡和点赞删除；" : "读书社笔记、评论、打卡和点赞删除；")
                + "反映的问题为履行职责保留，但不再与您关联，凭编号和查询码仍可查询。" + days + "天内可以撤销。";
    }

    private Status statusOf(AppUser user) {
        if (user.getDeletionDueAt() == null) {
            return new Status(false, null, null, note());
        }
        return new Status(true, user.getDeletionRequestedAt(), user.getDeletionDueAt(), note());
    }
}
