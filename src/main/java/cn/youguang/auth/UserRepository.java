package cn.youguang.auth;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
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
        KeysetQuery q = KeysetQuery.of("AppUser", "u", "createdAt").where("u.kind = :kind", "kind", kind)
                .where(":role member of u.roles", "role", role).after(after);
        return find(q.jpql(), q.parameters()).range(0, fetch - 1).list();
    }
}
