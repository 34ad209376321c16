package cn.youguang.article;

import cn.youguang.content.ContentEntry;
import cn.youguang.tag.Tag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.LinkedHashSet;
import java.util.Set;

/** A news item or brand page in the same CMS as the stories. */
@Entity
@Table(name = "article")
public class Article extends ContentEntry {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ArticleKind kind;

    @Column(length = 200)
    private String author;

    @ManyToMany
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    private Set<Tag> tags = new LinkedHashSet<>();

    public ArticleKind getKind() {
        return kind;
    }

    public void setKind(ArticleKind kind) {
        this.kind = kind;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public void setTags(Set<Tag> tags) {
        this.tags.clear();
        this.tags.addAll(tags);
    }
}
