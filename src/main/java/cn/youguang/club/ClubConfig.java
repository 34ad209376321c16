package cn.youguang.club;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Limits and clocks of the reading club. */
@ConfigMapping(prefix = "youguang.club")
public interface ClubConfig {

    /** How long after writing it an author may still edit a post. */
    @WithDefault("PT24H")
    Duration editWindow();

    /** Distinct flags that hide a post until a moderator looks at it. */
    @WithDefault("3")
    int flagsToHide();

    /** Posts one cadre may write per hour. */
    @WithDefault("10")
    int postsPerHour();

    /** Comments one cadre may write per hour. */
    @WithDefault("60")
    int commentsPerHour();

    /** Calendar of check-ins and of the monthly leaderboard. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How often the hot order is recomputed (a new snapshot). */
    @WithDefault("PT10M")
    Duration hotEvery();

    /**
     * How long making one hot snapshot may take. It ranks every public post in one statement, which at a million
     * posts runs far past the 5 s every request statement is held to.
     */
    @WithDefault("PT5M")
    Duration hotTimeout();

    /** How long an old hot snapshot is kept, so a reader paging through it is not cut off. */
    @WithDefault("PT1H")
    Duration hotKeep();

    /** How long an Idempotency-Key of a club create is remembered. */
    @WithDefault("P2D")
    Duration keyWindow();

    /** What happens to a deleted account's posts and comments. */
    enum DeletedAccountContent {
        /** erased: gone from every view, their text and images deleted */
        REMOVE,
        /** kept where they are, under "已注销用户", naming no one */
        ANONYMISE
    }

    @WithDefault("remove")
    DeletedAccountContent deletedAccountContent();
}
