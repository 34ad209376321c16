package cn.youguang.auth;

/** What a sign-in or refresh answers. The refresh token is shown here once and stored only as a hash. */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken,
                        long refreshExpiresIn) {
}
