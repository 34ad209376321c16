package cn.youguang.club;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A moderator's list of books (e.g. the month's theme); posts may belong to it. */
@Entity
@Table(name = "club_book_list")
public class BookList {

    @Embeddable
    public static class Book {
        @Column(nullable = false)
        String title;
        @Column(nullable = false)
        String author;
        String isbn;

        protected Book() {
        }

        Book(String title, String author, String isbn) {
            this.title = title;
            this.author = author;
            this.isbn = isbn;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "club_book_list_book", joinColumns = @JoinColumn(name = "list_id"))
    @OrderColumn(name = "position")
    private List<Book> books = new ArrayList<>();

    @Version
    private long version;

    protected BookList() {
    }

    BookList(long createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void write(String title, String description, List<Book> books, Instant now) {
        this.title = title;
        this.description = description;
        this.books.clear();
        this.books.addAll(books);
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public List<Book> getBooks() {
        return books;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
