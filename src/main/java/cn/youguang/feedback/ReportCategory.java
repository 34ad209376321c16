package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of problem a citizen can report, per channel; admins add, rename and retire them. */
@Entity
@Table(name = "report_category")
public class ReportCategory {

    @Id
    @Column(length = 32)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 300)
    private String description;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active = true;

    protected ReportCategory() {
    }

    public ReportCategory(String code, Channel channel, String name, String description, int position) {
        this.code = code;
        this.channel = channel;
        this.name = name;
        this.description = description;
        this.position = position;
    }

    public String getCode() {
        return code;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
