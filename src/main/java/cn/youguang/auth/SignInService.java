package cn.youguang.auth;

import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.youguang.common.Hashes;
import cn.youguang.common.ProblemException;
import cn.youguang.common.RateLimiter;
import cn.youguang.wechat.WeChat;
import cn.youguang.wechat.WeChatErrorException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Signing in: with a wx.login code (mini-program) or with username and password (console). */
@ApplicationScoped
public class SignInService {

    private final WeChat weChat;
    private final UserRepository users;
    private final TokenService tokens;
    private final PasswordHasher hasher;
    private final AuthConfig config;
    private final RateLimiter limits;
    private final Clock clock;

    public SignInService(WeChat weChat, UserRepository users, TokenService tokens, PasswordHasher hasher,
                         AuthConfig config, RateLimiter limits, Clock clock) {
        this.limits = limits;
        this.weChat = weChat;
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Exchanges a wx.login code for our tokens. WeChat's session_key is dropped here: it never leaves this
     * method, let alone the server. Runs outside a transaction so no connection is held while WeChat answers.
     */
    public TokenPair weChat(String code) {
        WxMaJscode2SessionResult session;
        try {
            session = weChat.call("jscode2session", wx -> wx.getUserService().getSessionInfo(code));
        } catch (WeChatErrorException e) {
            if (e.code() == WeChatErrorException.INVALID_CODE || e.code() == WeChatErrorException.CODE_ALREADY_USED) {
                throw ProblemException.unauthorized("The login code is invalid or was already used; call wx.login again");
            }
            throw e;
        }
        if (session == null || session.getOpenid() == null || session.getOpenid().isBlank()) {
            throw ProblemException.badGateway("WeChat answered the login without an openid");
        }
        AppUser user;
        try {
            user = signInWeChatUser(session.getOpenid(), session.getUnionid());
        } catch (PersistenceException concurrentFirstLogin) {
            // the same person's first login on two requests at once: the other one created the row
            user = signInWeChatUser(session.getOpenid(), session.getUnionid());
        }
        return tokens.issue(user);
    }

    @Transactional
    AppUser signInWeChatUser(String openid, String unionid) {
        Instant now = clock.instant();
        AppUser user = users.findByOpenid(openid).orElseGet(() -> {
            AppUser created = AppUser.wechat(openid, unionid, now);
            users.persistAndFlush(created);
            return created;
        });
        if (user.isDisabled()) {
            throw ProblemException.forbidden("This account is disabled");
        }
        if (unionid != null && !unionid.equals(user.getUnionid())) {
            user.setUnionid(unionid);
        }
        user.setLastLoginAt(now);
        return user;
    }

    /**
     * Console sign-in. Wrong passwords are limited per username and address (one atomic count in PostgreSQL, so
     * every instance enforces it): past the limit that pair gets 429 until the window ends, whether or not the
     * username exists, and the account is never locked, so a stranger cannot lock anyone out or learn which
     * usernames exist. An unknown username costs the same time as a wrong password.
     */
    @Transactional
    public TokenPair staff(String username, String password, String address) {
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        Duration window = config.signInFailures().window();
        // a unit is taken before the check, so simultaneous guesses cannot all pass; a right password gives it back
        RateLimiter.Permit failure = limits.tryAcquire("login:f:" + Hashes.sha256Hex(name) + ":" + address,
                config.signInFailures().perSource(), window).orElseThrow(() -> ProblemException.tooManyRequests(
                "Too many wrong passwords for this username from this network; try again later",
                limits.retryAfter(window)));
        AppUser user = users.findStaff(name).orElse(null);
        if (user == null) {
            hasher.verifyDecoy(password);
            throw wrongCredentials();
        }
        if (!hasher.verify(password, user.getPasswordHash()) || user.isDisabled()) {
            throw wrongCredentials();
        }
        limits.release(failure);
        user.setLastLoginAt(clock.instant());
        return tokens.issue(user);
    }

    /** Development only (see DevLoginResource): a WeChat user with the given roles, without WeChat. */
    @Transactional
    public TokenPair developer(String openid, Set<String> roles) {
        AppUser user = signInWeChatUser(openid, null);
        user.setRoles(roles);
        return tokens.issue(user);
    }

    private static ProblemException wrongCredentials() {
        return ProblemException.unauthorized("Wrong username or password");
    }

}
