package cn.youguang.club;

import cn.youguang.wechat.ModerationState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An image of a post; public only in state APPROVED (WeChat's asynchronous verdict, or a moderator). */
@Entity
@Table(name = "club_post_image")
public class PostImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(nullable = false)
    private int position;

    @Column(name = "upload_id", nullable = false)
    private String uploadId;

    @Column(name = "object_key", nullable = false)
    private String objectKey;

    @Column(name = "media_check_id")
    private Long mediaCheckId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModerationState state;

    @Column(name = "check_label")
    private Integer checkLabel;

    protected PostImage() {
    }

    PostImage(long postId, int position, String uploadId, String objectKey, Long mediaCheckId, ModerationState state,
              Integer checkLabel) {
        this.postId = postId;
        this.position = position;
        this.uploadId = uploadId;
        this.objectKey = objectKey;
        this.mediaCheckId = mediaCheckId;
        this.state = state;
        this.checkLabel = checkLabel;
    }

    void decide(ModerationState state, Integer label) {
        this.state = state;
        this.checkLabel = label;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public long getPostId() {
        return postId;
    }

    public int getPosition() {
        return position;
    }

    public String getUploadId() {
        return uploadId;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public ModerationState getState() {
        return state;
    }

    public Integer getCheckLabel() {
        return checkLabel;
    }
}
