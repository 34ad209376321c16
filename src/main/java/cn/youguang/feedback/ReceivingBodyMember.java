package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A superior account bound to the body whose transferred reports it reviews. */
@Entity
@Table(name = "receiving_body_member")
public class ReceivingBodyMember {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "body_id", nullable = false)
    private Long bodyId;

    protected ReceivingBodyMember() {
    }

    ReceivingBodyMember(long userId, long bodyId) {
        this.userId = userId;
        this.bodyId = bodyId;
    }

    public Long getBodyId() {
        return bodyId;
    }

    void setBodyId(Long bodyId) {
        this.bodyId = bodyId;
    }
}
