package cn.youguang.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Request bodies of the sign-in and account endpoints; each constraint names its field in a 400 problem. */
public final class AuthRequests {

    /** wx.login codes are short URL-safe strings; anything else never reaches the SDK (whose errors leak the secret). */
    public static final String WECHAT_CODE = "[A-Za-z0-9_-]{8,128}";

    private AuthRequests() {
    }

    public record WeChatLogin(@NotBlank @Pattern(regexp = WECHAT_CODE, message = "is not a wx.login code") String code) {
    }

    public record StaffLogin(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record Refresh(@NotBlank @Size(max = 100) String refreshToken) {
    }

    /** consentVersion: the privacy-guide version the person agreed to just before (phone binding needs consent). */
    public record PhoneBinding(@NotBlank @Pattern(regexp = WECHAT_CODE, message = "is not a getPhoneNumber code") String code,
                               @Size(max = 32) String consentVersion) {
    }

    public record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
                                 @NotBlank @Size(max = 200) String newPassword) {
    }

    public record CadreRedemption(@NotBlank @Size(max = 20) String code,
                                  @NotBlank @Size(max = 64) String displayName,
                                  @NotBlank @Size(max = 100) String unit) {
    }

    /** A cadre corrects the name and unit shown with their posts (PIPL Art. 46); a field left out stays. */
    public record ProfileCorrection(@Size(min = 1, max = 64) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
                                    @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String unit) {
    }

    public record NewStaffAccount(@NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}", message = "must be 3-64 lower-case letters, digits, '.', '_' or '-', starting with a letter") String username,
                                  @NotBlank @Size(max = 200) String password,
                                  @NotBlank @Size(max = 64) String displayName,
                                  @Size(max = 100) String unit,
                                  @NotNull @Size(min = 1, max = 6) Set<@NotBlank String> roles) {
    }

    public record AccountChange(@Size(max = 8) Set<@NotBlank String> roles, Boolean disabled,
                                @Size(max = 64) String displayName, @Size(max = 100) String unit,
                                Boolean principalLeader) {
    }

    public record PasswordReset(@NotBlank @Size(max = 200) String password) {
    }

    public record NewInvitation(@Size(max = 100) String unit,
                                @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(90) Integer validDays) {
    }
}
