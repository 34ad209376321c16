package cn.youguang.club;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Moderators' book lists; the public reads them and their posts. */
@ApplicationScoped
public class BookListService {

    private final EntityManager em;
    private final ClubFeed feed;
    private final Clock clock;

    public BookListService(EntityManager em, ClubFeed feed, Clock clock) {
        this.em = em;
        this.feed = feed;
        this.clock = clock;
    }

    @Transactional
    public ClubViews.BookList create(long moderatorId, ClubRequests.BookList request) {
        BookList list = new BookList(moderatorId, clock.instant());
        list.write(request.title().strip(), blankToNull(request.description()), books(request), clock.instant());
        em.persist(list);
        em.flush();
        return view(list);
    }

    @Transactional
    public ClubViews.BookList update(long id, ClubRequests.BookList request) {
        BookList list = em.find(BookList.class, id);
        if (list == null) {
            throw ProblemException.notFound("Book list " + id);
        }
        list.write(request.title().strip(), blankToNull(request.description()), books(request), clock.instant());
        em.flush();
        return view(list);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClubViews.BookList> list(PageRequest page) {
        List<BookList> rows = KeysetQuery.of("BookList", "l", "createdAt").after(page.after())
                .create(em, BookList.class, page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), l -> new Cursor(l.getCreatedAt(), l.getId()), BookListService::view);
    }

    /** The list with the first page of its posts, newest first; further pages from the feed with list=id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClubViews.BookListDetail detail(long id, String limit) {
        BookList list = em.find(BookList.class, id);
        if (list == null) {
            throw ProblemException.notFound("Book list " + id);
        }
        return new ClubViews.BookListDetail(view(list), feed.latest(new ClubFeed.Filter(null, id), PageRequest.of(limit, null)));
    }

    private static List<BookList.Book> books(ClubRequests.BookList request) {
        List<BookList.Book> books = new ArrayList<>();
        for (int i = 0; i < request.books().size(); i++) {
            ClubRequests.Book b = request.books().get(i);
            books.add(new BookList.Book(b.title().strip(), b.author().strip(), Isbn.parse("books[" + i + "].isbn", b.isbn())));
        }
        return books;
    }

    static ClubViews.BookList view(BookList l) {
        return new ClubViews.BookList(l.getId(), l.getTitle(), l.getDescription(),
                l.getBooks().stream().map(b -> new ClubViews.Book(b.title, b.author, b.isbn)).toList(), l.getUpdatedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
