package cn.youguang.club;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A daily reading check-in (打卡): one per cadre per Asia/Shanghai calendar day. */
@Entity
@Table(name = "club_check_in")
public class CheckIn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "read_on", nullable = false)
    private LocalDate day;

    @Column(name = "book_title", nullable = false)
    private String bookTitle;

    private Integer pages;

    private Integer minutes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CheckIn() {
    }

    CheckIn(long userId, LocalDate day, String bookTitle, Integer pages, Integer minutes, Instant createdAt) {
        this.userId = userId;
        this.day = day;
        this.bookTitle = bookTitle;
        this.pages = pages;
        this.minutes = minutes;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getBookTitle() {
        return bookTitle;
    }

    public Integer getPages() {
        return pages;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
