package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A staff account's link to its holder's WeChat identity (encrypted openid), or the code waiting to make it. */
@Entity
@Table(name = "staff_wechat_link")
public class StaffWeChatLink {

    @Id
    @Column(name = "staff_id")
    private Long staffId;

    @Column(name = "openid_cipher", length = 300)
    private String openidCipher;

    @Column(name = "wechat_user_id")
    private Long wechatUserId;

    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;

    @Column(name = "linked_at")
    private Instant linkedAt;

    protected StaffWeChatLink() {
    }

    StaffWeChatLink(long staffId) {
        this.staffId = staffId;
    }

    void awaitCode(String codeHash, Instant expiresAt) {
        this.codeHash = codeHash;
        this.codeExpiresAt = expiresAt;
    }

    void link(long wechatUserId, String openidCipher, Instant now) {
        this.wechatUserId = wechatUserId;
        this.openidCipher = openidCipher;
        this.linkedAt = now;
        this.codeHash = null;
        this.codeExpiresAt = null;
    }

    public Long getStaffId() {
        return staffId;
    }

    public String getOpenidCipher() {
        return openidCipher;
    }

    public Instant getCodeExpiresAt() {
        return codeExpiresAt;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }
}
