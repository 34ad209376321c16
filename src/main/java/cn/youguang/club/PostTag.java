package cn.youguang.club;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A tag of a post, for the feed's tag filter (the post keeps its tags for display too). */
@Entity
@Table(name = "club_post_tag")
@IdClass(PostTag.Key.class)
public class PostTag {

    public static class Key implements Serializable {
        Long postId;
        String tag;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(postId, k.postId) && java.util.Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(postId, tag);
        }
    }

    @Id
    @Column(name = "post_id")
    private Long postId;

    @Id
    private String tag;

    protected PostTag() {
    }
}
