package cn.youguang.wechat;

/**
 * Fired (synchronously, inside the transaction that records it) when WeChat's verdict on an image check arrives, so
 * features that show images react without wechat knowing them: they observe this event.
 */
public record MediaVerdict(long checkId, String objectKey, ModerationState state, Integer label) {
}
