package cn.youguang.auth;

import cn.youguang.common.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Set;

/** Creates the first admin from configuration, once, when the database has none. */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    @Transactional
    void onStart(@Observes StartupEvent event, AuthConfig config, UserRepository users, PasswordHasher hasher,
                 Clock clock) {
        if (config.bootstrapAdminUsername().isEmpty() || config.bootstrapAdminPassword().isEmpty()
                || users.anyWithRole(Role.ADMIN)) {
            return;
        }
        String username = config.bootstrapAdminUsername().get().strip().toLowerCase(java.util.Locale.ROOT);
        if (users.findStaff(username).isPresent()) {
            return;
        }
        users.persist(AppUser.staff(username, hasher.hash(config.bootstrapAdminPassword().get()), "Administrator",
                null, Set.of(Role.ADMIN), clock.instant()));
        LOG.infof("Created the first admin account '%s' from configuration", username);
    }
}
