package cn.youguang.auth;

import cn.youguang.testing.ConfigStubs;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without development secrets (production), the service does not start unless it is given real keys. */
class ProductionSecretsTest {

    private final AuthConfig production = ConfigStubs.of(AuthConfig.class, Map.of("generateDevSecrets", false));

    @Test
    void noSigningKeyNoStart() {
        assertThatThrownBy(() -> new TokenService(production, null, null, null,
                new DevSecrets(production, "target/unused"), Optional.empty(), Optional.of("target/none.pem")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("YOUGUANG_JWT_PRIVATE_KEY");
    }

    @Test
    void noVerificationKeyNoStart() {
        assertThatThrownBy(() -> new TokenService(production, null, null, null,
                new DevSecrets(production, "target/unused"), Optional.of("target/none.pem"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("YOUGUANG_JWT_PUBLIC_KEY");
    }

    @Test
    void unreadableKeysNoStart() {
        assertThatThrownBy(() -> new TokenService(production, null, null, null,
                new DevSecrets(production, "target/unused"), Optional.of("target/none.pem"), Optional.of("target/none.pem")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not readable");
    }

    @Test
    void noPhoneKeyNoStart() {
        assertThatThrownBy(() -> new PersonalDataCipher(production, new DevSecrets(production, "target/unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("YOUGUANG_PHONE_KEY");
        AuthConfig shortKey = ConfigStubs.of(AuthConfig.class, Map.of("generateDevSecrets", false, "phoneKey", "c2hvcnQ="));
        assertThatThrownBy(() -> new PersonalDataCipher(shortKey, new DevSecrets(shortKey, "target/unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
