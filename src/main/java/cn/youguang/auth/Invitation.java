package cn.youguang.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** An invitation as the console shows it; {@code code} is present only in the reply that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Invitation(long id, String code, String unit, Instant createdAt, Instant expiresAt,
                         Long redeemedBy, Instant redeemedAt) {

    static Invitation of(CadreInvitation i, String code) {
        return new Invitation(i.getId(), code, i.getUnit(), i.getCreatedAt(), i.getExpiresAt(), i.getRedeemedBy(),
                i.getRedeemedAt());
    }
}
