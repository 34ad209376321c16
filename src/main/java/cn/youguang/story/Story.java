package cn.youguang.story;

import cn.youguang.content.ContentEntry;
import cn.youguang.tag.Tag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.LinkedHashSet;
import java.util.Set;

/** A role model's story (先进典型事迹). */
@Entity
@Table(name = "story")
public class Story extends ContentEntry {

    @Column(nullable = false, length = 64)
    private String person;

    @Column(length = 100)
    private String role;

    @Column(length = 100)
    private String unit;

    @ManyToMany
    @JoinTable(name = "story_tag", joinColumns = @JoinColumn(name = "story_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    private Set<Tag> tags = new LinkedHashSet<>();

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public void setTags(Set<Tag> tags) {
        this.tags.clear();
        this.tags.addAll(tags);
    }
}
