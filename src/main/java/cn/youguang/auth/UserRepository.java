package cn.youguang.auth;

import cn.youguang.common.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<AppUser> {

    public Optional<AppUser> findByOpenid(String openid) {
        return find("openid", openid).firstResultOptional();
    }

    public Optional<AppUser> findStaff(String username) {
        return find("kind = ?1 and username = ?2", AccountKind.STAFF, username).firstResultOptional();
    }

    public boolean anyWithRole(String role) {
        return count("select count(u) from AppUser u join u.roles r where r = ?1", role) > 0;
    }

    /** Newest accounts first, keyset on (createdAt, id); optional filters by kind and role. */
    public List<AppUser> page(AccountKind kind, String role, Cursor after, int fetch) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (kind != null) {
            where.append(" and u.kind = :kind");
            p.and("kind", kind);
        }
        if (role != null) {
            where.append(" and :role member of u.roles");
            p.and("role", role);
        }
        if (after != null) {
            where.append(" and u.createdAt <= :at and (u.createdAt < :at or u.id < :id)");
            p.and("at", after.at()).and("id", after.id());
        }
        return find("select u from AppUser u where " + where + " order by u.createdAt desc, u.id desc", p)
                .range(0, fetch - 1).list();
    }
}
