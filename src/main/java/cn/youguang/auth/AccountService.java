package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.youguang.common.Cursor;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.wechat.WeChat;
import cn.youguang.wechat.WeChatErrorException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** An account's own settings, and the administration of accounts. */
@ApplicationScoped
@Transactional
public class AccountService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final PersonalDataCipher phones;
    private final WeChat weChat;
    private final AuthConfig config;
    private final InspectorGrants inspectorGrants;
    private final Consents consents;
    private final Clock clock;

    public AccountService(UserRepository users, PasswordHasher hasher, TokenService tokens, PersonalDataCipher phones,
                          WeChat weChat, AuthConfig config, InspectorGrants inspectorGrants, Consents consents,
                          Clock clock) {
        this.inspectorGrants = inspectorGrants;
        this.consents = consents;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.phones = phones;
        this.weChat = weChat;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile profile(long userId) {
        return Profile.of(existing(userId));
    }

    /**
     * Binds the phone number WeChat vouches for (getPhoneNumber code, single use, 5 minutes). The number is stored
     * encrypted; only its masked form is ever returned.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Profile bindPhone(long userId, String code, String consentVersion) {
        consents.require(consentVersion);
        WxMaPhoneNumberInfo info;
        try {
            info = weChat.call("getuserphonenumber", wx -> wx.getUserService().getPhoneNumber(code));
        } catch (WeChatErrorException e) {
            if (e.code() == WeChatErrorException.INVALID_CODE || e.code() == WeChatErrorException.CODE_ALREADY_USED) {
                throw ProblemException.invalid("code", "is invalid, expired or already used; ask the user again");
            }
            throw e;
        }
        String phone = info == null ? null : info.getPhoneNumber();
        if (phone == null || phone.isBlank()) {
            throw ProblemException.badGateway("WeChat answered without a phone number");
        }
        return storePhone(userId, phone);
    }

    @Transactional
    Profile storePhone(long userId, String phone) {
        AppUser user = existing(userId);
        user.setPhone(phones.encrypt(phone), PersonalDataCipher.mask(phone));
        user.setUpdatedAt(clock.instant());
        consents.record(userId, null, ConsentRecord.Item.PHONE);
        return Profile.of(user);
    }

    /** A cadre corrects the name or unit shown with their posts. */
    public Profile correct(long userId, AuthRequests.ProfileCorrection correction) {
        if (correction.displayName() == null && correction.unit() == null) {
            throw ProblemException.invalid("displayName", "or unit is required");
        }
        AppUser user = existing(userId);
        if (correction.displayName() != null) {
            user.setDisplayName(correction.displayName().strip());
        }
        if (correction.unit() != null) {
            user.setUnit(correction.unit().strip());
        }
        user.setUpdatedAt(clock.instant());
        return Profile.of(user);
    }

    /** A staff member changes their own password; every other sign-in of theirs ends. */
    public TokenPair changePassword(long userId, String current, String next) {
        AppUser user = existing(userId);
        if (user.getKind() != AccountKind.STAFF) {
            throw ProblemException.forbidden("Only console accounts have a password");
        }
        if (!hasher.verify(current, user.getPasswordHash())) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        checkStrength("newPassword", next, user.getUsername());
        user.setPasswordHash(hasher.hash(next));
        user.setUpdatedAt(clock.instant());
        tokens.revokeAll(userId);
        return tokens.issue(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Profile> list(AccountKind kind, String role, PageRequest page) {
        return Page.of(users.page(kind, role, page.after(), page.limit() + 1), page.limit(),
                u -> new Cursor(u.getCreatedAt(), u.getId()), Profile::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile get(long id) {
        return Profile.of(users.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Account " + id)));
    }

    /** A new console account; the inspector role it asks for waits for an inspector's confirmation. */
    public Profile createStaff(long adminId, AuthRequests.NewStaffAccount request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        Set<String> roles = staffRoles(request.roles());
        InspectorGrants.checkSeparation(roles);
        boolean wantsInspector = roles.remove(Role.INSPECTOR);
        checkStrength("password", request.password(), username);
        if (users.findStaff(username).isPresent()) {
            throw ProblemException.conflict("The username " + username + " is taken");
        }
        AppUser user = AppUser.staff(username, hasher.hash(request.password()), request.displayName().strip(),
                request.unit(), roles, clock.instant());
        users.persistAndFlush(user);
        if (wantsInspector) {
            inspectorGrants.request(adminId, user);
        }
        return Profile.of(user);
    }

    /** Changes roles, enabled state or name. An admin cannot take admin away from, or disable, themselves. */
    public Profile change(long adminId, long id, AuthRequests.AccountChange change) {
        AppUser user = users.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Account " + id));
        if (change.roles() != null) {
            Set<String> roles = user.getKind() == AccountKind.STAFF ? staffRoles(change.roles()) : wechatRoles(change.roles());
            if (id == adminId && !roles.contains(Role.ADMIN)) {
                throw ProblemException.conflict("You cannot remove your own admin role");
            }
            InspectorGrants.checkSeparation(roles);
            boolean hadInspector = user.getRoles().contains(Role.INSPECTOR);
            if (roles.contains(Role.INSPECTOR) && !hadInspector) {
                // two people: the grant waits for an existing inspector to confirm it
                roles.remove(Role.INSPECTOR);
                inspectorGrants.request(adminId, user);
            } else if (hadInspector && !roles.contains(Role.INSPECTOR)) {
                inspectorGrants.removed(adminId, user);
            }
            user.setRoles(roles);
        }
        if (change.disabled() != null) {
            if (id == adminId && change.disabled()) {
                throw ProblemException.conflict("You cannot disable your own account");
            }
            user.setDisabled(change.disabled());
            if (change.disabled()) {
                tokens.revokeAll(id);
            }
        }
        if (change.displayName() != null) {
            user.setDisplayName(change.displayName().strip());
        }
        if (change.unit() != null) {
            user.setUnit(change.unit().strip());
        }
        if (change.principalLeader() != null) {
            if (user.getKind() != AccountKind.STAFF) {
                throw ProblemException.invalid("principalLeader", "applies to staff accounts only");
            }
            user.setPrincipalLeader(change.principalLeader());
        }
        user.setUpdatedAt(clock.instant());
        return Profile.of(user);
    }

    /** An admin sets a new password for a staff account (forgotten password) and unlocks it. */
    public Profile resetPassword(long id, String password) {
        AppUser user = users.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Account " + id));
        if (user.getKind() != AccountKind.STAFF) {
            throw ProblemException.conflict("Only console accounts have a password");
        }
        checkStrength("password", password, user.getUsername());
        user.setPasswordHash(hasher.hash(password));
        user.setFailedLogins(0);
        user.setLockedUntil(null);
        user.setUpdatedAt(clock.instant());
        tokens.revokeAll(id);
        return Profile.of(user);
    }

    AppUser existing(long userId) {
        AppUser user = users.findById(userId);
        if (user == null || user.isDisabled()) {
            throw ProblemException.unauthorized("This account does not exist or is disabled");
        }
        return user;
    }

    private void checkStrength(String field, String password, String username) {
        if (password.length() < config.minPasswordLength()) {
            throw ProblemException.invalid(field, "must have at least " + config.minPasswordLength() + " characters");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid(field, "must not contain the username");
        }
    }

    private static Set<String> staffRoles(Set<String> requested) {
        return checkedRoles(requested, Role.STAFF, "a console account");
    }

    private static Set<String> wechatRoles(Set<String> requested) {
        Set<String> roles = checkedRoles(requested, Role.WECHAT, "a WeChat account");
        roles.add(Role.CITIZEN);
        return roles;
    }

    private static Set<String> checkedRoles(Set<String> requested, Set<String> allowed, String kind) {
        Set<String> roles = new TreeSet<>();
        for (String role : requested) {
            String r = role.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(r)) {
                throw ProblemException.invalid("roles", "'" + role + "' is not a role " + kind + " can hold ("
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            roles.add(r);
        }
        return roles;
    }
}
