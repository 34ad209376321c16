package cn.youguang.feedback;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Idempotency-Keys of submissions, by their hash. */
@ApplicationScoped
public class SubmissionKeyRepository implements PanacheRepositoryBase<SubmissionKey, String> {

    public long forgetBefore(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
