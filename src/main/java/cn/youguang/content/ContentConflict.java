package cn.youguang.content;

/** A file differs from an entry that was edited through the API: the database owns it, the file does not win. */
public class ContentConflict extends RuntimeException {

    private final String slug;
    private final Long revision;

    public ContentConflict(String slug, Long revision) {
        super("edited through the API; the file was not imported", null, false, false);
        this.slug = slug;
        this.revision = revision;
    }

    public String slug() {
        return slug;
    }

    public Long revision() {
        return revision;
    }
}
