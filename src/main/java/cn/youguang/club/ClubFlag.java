package cn.youguang.club;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One user's flag on a post, with the reason moderators read. Written by a single SQL insert (PostService.flag). */
@Entity
@Table(name = "club_flag")
@IdClass(ClubFlag.Key.class)
public class ClubFlag {

    public static class Key implements Serializable {
        Long postId;
        Long userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postId, k.postId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(postId, userId);
        }
    }

    @Id
    @Column(name = "post_id")
    private Long postId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ClubFlag() {
    }
}
