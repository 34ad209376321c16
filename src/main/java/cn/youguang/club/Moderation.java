package cn.youguang.club;

import cn.youguang.wechat.ContentSecurity;
import cn.youguang.wechat.ModerationState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * WeChat's text check (msgSecCheck v2) turned into where a post or comment goes: pass → public, review → the
 * moderators' queue, risky → rejected with a reason the author can read. WeChat unreachable or slow is "review":
 * nothing is published unchecked. Call it outside a transaction: no connection waits for WeChat.
 */
@ApplicationScoped
public class Moderation {

    /** WeChat's labels (msgSecCheck v2 and mediaCheckAsync v2) as the author is told them. */
    private static final Map<Integer, String> LABELS = Map.of(
            10001, "广告 (advertising)", 20001, "时政 (politics)", 20002, "色情 (pornography)",
            20003, "辱骂 (abuse)", 20006, "违法犯罪 (illegal content)", 20008, "欺诈 (fraud)",
            20012, "低俗 (vulgarity)", 20013, "版权 (copyright)", 21000, "其他 (other)");

    public record Outcome(PostStatus status, Integer label, String rejectReason) {
    }

    private final ContentSecurity security;

    public Moderation(ContentSecurity security) {
        this.security = security;
    }

    public Outcome checkText(String openid, String text) {
        if (openid == null) {
            // staff accounts have no openid WeChat knows: a moderator reads it instead
            return new Outcome(PostStatus.QUEUED, null, null);
        }
        ContentSecurity.TextVerdict verdict = security.checkText(openid, text, ContentSecurity.SCENE_FORUM);
        return switch (verdict.state()) {
            case APPROVED -> new Outcome(PostStatus.PUBLISHED, verdict.label(), null);
            case REJECTED -> new Outcome(PostStatus.REJECTED, verdict.label(), reasonFor(verdict.label()));
            default -> new Outcome(PostStatus.QUEUED, verdict.label(), null);
        };
    }

    public static String reasonFor(Integer label) {
        return "微信内容安全检测未通过: " + labelName(label);
    }

    public static String labelName(Integer label) {
        return label == null ? null : label == 100 ? "正常 (normal)" : LABELS.getOrDefault(label, "其他 (other)");
    }

    static boolean visible(ModerationState imageState) {
        return imageState == ModerationState.APPROVED;
    }
}
