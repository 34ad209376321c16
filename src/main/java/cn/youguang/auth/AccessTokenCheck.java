package cn.youguang.auth;

import io.quarkus.cache.CacheResult;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * A signed access token is accepted only while its account still stands behind it: not disabled, the same token
 * version (raised on disable, role change and sign-out everywhere) and its sign-in not ended (logout, a reused
 * refresh token). The answer is cached for a few seconds, so a revocation on one instance takes effect on every
 * instance within that time without a query per request.
 */
@ApplicationScoped
public class AccessTokenCheck implements SecurityIdentityAugmentor {

    static final String VERSION_CLAIM = "ver";
    static final String SIGN_IN_CLAIM = "sid";

    private final States states;

    public AccessTokenCheck(States states) {
        this.states = states;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            String subject = token.getSubject();
            if (subject == null || !subject.matches("\\d{1,18}")) {
                throw new AuthenticationFailedException();
            }
            String version = claim(token, VERSION_CLAIM);
            if (!version.matches("\\d{1,9}")) {
                version = "0";
            }
            if (!states.stillValid(Long.parseLong(subject), Integer.parseInt(version), claim(token, SIGN_IN_CLAIM))) {
                throw new AuthenticationFailedException();
            }
            return identity;
        });
    }

    /** A claim as text, whether the JWT library hands it over as a Java or a JSON-P value; empty when absent. */
    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? "" : value.toString().replace("\"", "");
    }

    /** The lookups, cached briefly (quarkus.cache.caffeine."access-token-state"). */
    @ApplicationScoped
    public static class States {

        private final EntityManager em;

        public States(EntityManager em) {
            this.em = em;
        }

        @CacheResult(cacheName = "access-token-state")
        @Transactional(Transactional.TxType.SUPPORTS)
        public boolean stillValid(long userId, int tokenVersion, String signIn) {
            List<?> rows = em.createNativeQuery("select u.token_version from app_user u where u.id = ?1 and not u.disabled")
                    .setParameter(1, userId).getResultList();
            if (rows.isEmpty() || ((Number) rows.get(0)).intValue() != tokenVersion) {
                return false;
            }
            // tokens minted without a sign-in (none we issue) are judged by the account alone
            return signIn.isEmpty() || !em.createNativeQuery("select 1 from refresh_token t where t.family_id = ?1 "
                    + "and t.revoked_at is null").setParameter(1, signIn).setMaxResults(1).getResultList().isEmpty();
        }
    }
}
