package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.common.StartupLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Set;

/**
 * Creates the first admin from configuration, once, when the database has none. Instances starting together take
 * turns under a startup lock, so the second finds the admin the first created instead of failing on its key.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    void onStart(@Observes StartupEvent event, AuthConfig config, UserRepository users, PasswordHasher hasher,
                 Clock clock, StartupLock lock) {
        if (config.bootstrapAdminUsername().isEmpty() || config.bootstrapAdminPassword().isEmpty()) {
            return;
        }
        String username = config.bootstrapAdminUsername().get().strip().toLowerCase(java.util.Locale.ROOT);
        if (QuarkusTransaction.requiringNew().call(() -> exists(users, username))) {
            return;
        }
        // hashed before the lock, so the other instance waits only for the insert
        String hash = hasher.hash(config.bootstrapAdminPassword().get());
        lock.exclusively("bootstrap-admin", () -> QuarkusTransaction.requiringNew().call(() -> {
            if (exists(users, username)) {
                return false;
            }
            users.persist(AppUser.staff(username, hash, "Administrator", null, Set.of(Role.ADMIN), clock.instant()));
            LOG.infof("Created the first admin account '%s' from configuration", username);
            return true;
        }));
    }

    private static boolean exists(UserRepository users, String username) {
        return users.anyWithRole(Role.ADMIN) || users.findStaff(username).isPresent();
    }
}
