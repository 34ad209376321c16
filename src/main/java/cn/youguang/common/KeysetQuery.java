package cn.youguang.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL of a list ordered newest first by (a time, id), continuing strictly after a keyset {@link Cursor}.
 * Each condition is added together with its parameter, so a filter and its value cannot drift apart.
 */
public final class KeysetQuery {

    private final String select;
    private final String time;
    private final String id;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private KeysetQuery(String entity, String alias, String timeField) {
        this.select = "select " + alias + " from " + entity + " " + alias;
        this.time = alias + "." + timeField;
        this.id = alias + ".id";
    }

    /** For example {@code of("Report", "r", "createdAt")}. */
    public static KeysetQuery of(String entity, String alias, String timeField) {
        return new KeysetQuery(entity, alias, timeField);
    }

    /** A condition without parameters. */
    public KeysetQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition on one parameter, left out when the value is null (a filter the client did not ask for). */
    public KeysetQuery where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    public KeysetQuery after(Cursor cursor) {
        if (cursor != null) {
            // the first term bounds the index range scan; the second only separates rows sharing :at
            conditions.add(time + " <= :at and (" + time + " < :at or " + id + " < :id)");
            parameters.put("at", cursor.at());
            parameters.put("id", cursor.id());
        }
        return this;
    }

    public String jpql() {
        return select + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + time + " desc, " + id + " desc";
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** The query with its parameters, fetching at most {@code fetch} rows (a page and one more, see {@link Page}). */
    public <T> TypedQuery<T> create(EntityManager em, Class<T> type, int fetch) {
        TypedQuery<T> query = em.createQuery(jpql(), type).setMaxResults(fetch);
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return jpql();
    }
}
