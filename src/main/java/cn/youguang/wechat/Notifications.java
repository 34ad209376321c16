package cn.youguang.wechat;

import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Subscribe messages (订阅消息). Every attempt is recorded — sent, not authorized (43101) or failed — so the
 * console can show what reached whom. Sending never throws: a notification must not undo the change it reports.
 */
@ApplicationScoped
public class Notifications {

    private final WeChat weChat;
    private final EntityManager em;
    private final Clock clock;

    public Notifications(WeChat weChat, EntityManager em, Clock clock) {
        this.weChat = weChat;
        this.em = em;
        this.clock = clock;
    }

    /**
     * @param userId      recorded with the send; null for recipients that must stay unlinked (anonymous reports)
     * @param templateKey our name for the template; its id comes from youguang.wechat.templates.&lt;key&gt;
     * @param data        template fields, e.g. thing1 → "已受理"
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public NotificationSend send(Long userId, String openid, String templateKey, String page, Map<String, String> data) {
        String templateId = templateId(weChat.config(), templateKey);
        NotificationSend.Status status;
        Integer errorCode = null;
        String failure = null;
        if (weChat.service().isEmpty()) {
            status = NotificationSend.Status.FAILED;
            failure = "WeChat not configured";
        } else if (templateId == null) {
            status = NotificationSend.Status.FAILED;
            failure = "no template id configured for '" + templateKey + "'";
        } else if (openid == null) {
            status = NotificationSend.Status.FAILED;
            failure = "recipient has no WeChat identity";
        } else {
            try {
                List<WxMaSubscribeMessage.MsgData> fields = data.entrySet().stream()
                        .map(e -> new WxMaSubscribeMessage.MsgData(e.getKey(), e.getValue())).toList();
                weChat.call("sendSubscribeMsg", wx -> {
                    wx.getMsgService().sendSubscribeMsg(WxMaSubscribeMessage.builder().toUser(openid)
                            .templateId(templateId).page(page).data(fields)
                            .miniprogramState(weChat.config().miniprogramState()).build());
                    return null;
                });
                status = NotificationSend.Status.SENT;
            } catch (WeChatErrorException e) {
                errorCode = e.code();
                status = e.code() == WeChatErrorException.NOT_AUTHORIZED_TO_SUBSCRIBE
                        ? NotificationSend.Status.NOT_AUTHORIZED : NotificationSend.Status.FAILED;
                failure = "WeChat refused (errcode " + e.code() + ")";
            } catch (WeChatUnavailableException e) {
                status = NotificationSend.Status.FAILED;
                failure = e.reason();
            }
        }
        NotificationSend record = new NotificationSend(userId, templateKey, templateId, page, status, errorCode,
                failure, clock.instant());
        QuarkusTransaction.requiringNew().run(() -> em.persist(record));
        return record;
    }

    /**
     * The template id for our key. Keys are compared by their letters and digits only: the environment variable
     * YOUGUANG_WECHAT_TEMPLATES_REPORT_STATUS arrives as key "report.status", the property form as "report-status".
     */
    static String templateId(WeChatConfig config, String templateKey) {
        String wanted = comparable(templateKey);
        return config.templates().entrySet().stream()
                .filter(e -> comparable(e.getKey()).equals(wanted) && e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getValue().strip()).findFirst().orElse(null);
    }

    private static String comparable(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** A send as listed; the recipient's openid is never shown. */
    public record Sent(long id, Long userId, String templateKey, String page, NotificationSend.Status status,
                       Integer errorCode, String failureReason, Instant sentAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Sent> list(NotificationSend.Status status, PageRequest page) {
        var rows = KeysetQuery.of("NotificationSend", "n", "sentAt").where("n.status = :status", "status", status)
                .after(page.after()).create(em, NotificationSend.class, page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), n -> new Cursor(n.getSentAt(), n.getId()),
                n -> new Sent(n.getId(), n.getUserId(), n.getTemplateKey(), n.getPage(), n.getStatus(), n.getErrorCode(),
                        n.getFailureReason(), n.getSentAt()));
    }

}
