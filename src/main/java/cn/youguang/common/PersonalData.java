package cn.youguang.common;

import java.util.List;

/**
 * What one feature holds about a person, for a person's copy (PIPL Art. 45) and for account deletion (Art. 47).
 * Each feature implements it for its own tables, so the rules for its rows (counts, moderation, the duty of
 * record) stay in the feature; the privacy feature only collects the sections and runs the erasure.
 */
public interface PersonalData {

    /** The section's name in the copy, e.g. {@code "reports"}. */
    String section();

    /** Everything this feature holds about the user, as values Jackson can write; links expire after an hour. */
    Object copyOf(long userId);

    /**
     * Erases, removes or detaches what this feature holds about the user; runs inside the deletion's
     * transaction. Returns the upload ids whose stored objects must go once the transaction has committed.
     */
    List<String> erase(long userId);
}
