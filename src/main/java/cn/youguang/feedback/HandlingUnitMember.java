package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A handler's membership of one handling unit: it decides which reports the handler's desk shows. */
@Entity
@Table(name = "handling_unit_member")
public class HandlingUnitMember {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    protected HandlingUnitMember() {
    }

    HandlingUnitMember(long userId, long unitId) {
        this.userId = userId;
        this.unitId = unitId;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getUnitId() {
        return unitId;
    }

    void setUnitId(Long unitId) {
        this.unitId = unitId;
    }
}
