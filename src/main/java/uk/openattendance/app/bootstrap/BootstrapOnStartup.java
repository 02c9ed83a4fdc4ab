package uk.openattendance.app.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the BOOTSTRAP_* settings once the schema is migrated. Made: prints the administrator's one-time link on the
 * console. Already consumed: says so and makes nothing, so leaving the settings in a deployment is harmless.
 */
@Singleton
@Requires(property = "attendance.bootstrap.admin-email", pattern = ".*\\S.*")
public class BootstrapOnStartup {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapOnStartup.class);

    private final PlatformBootstrap bootstrap;
    private final String adminEmail;
    private final String adminName;
    private final String trustName;

    BootstrapOnStartup(PlatformBootstrap bootstrap, @Value("${attendance.bootstrap.admin-email}") String adminEmail,
            @Value("${attendance.bootstrap.admin-name:Platform administrator}") String adminName, @Value("${attendance.bootstrap.trust-name:}") String trustName) {
        if (trustName.isBlank()) {
            throw new ConfigurationException("BOOTSTRAP_ADMIN_EMAIL is set but BOOTSTRAP_TRUST_NAME is not: name the first trust to create");
        }
        if (!adminEmail.contains("@") || adminEmail.strip().length() > 254) {
            throw new ConfigurationException("BOOTSTRAP_ADMIN_EMAIL is '" + adminEmail + "': give the first administrator's email address");
        }
        this.bootstrap = bootstrap;
        this.adminEmail = adminEmail;
        this.adminName = adminName.isBlank() ? "Platform administrator" : adminName;
        this.trustName = trustName;
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        PlatformBootstrap.Outcome outcome;
        try {
            outcome = bootstrap.run(adminEmail, adminName, trustName);
        } catch (RuntimeException e) {
            if (duplicate(e)) {
                LOG.warn("BOOTSTRAP_* was consumed by another replica starting at the same moment; nothing was made here");
                return;
            }
            throw e;
        }
        if (outcome instanceof PlatformBootstrap.Made made) {
            System.out.println("""

                    ==== Open Attendance bootstrap: consumed (it will not run again) ====
                    Trust %d "%s" and platform administrator %s were created.
                    Set the administrator's password with this one-time link (valid 24 hours, usable once):
                      %s
                    Then sign in: POST /api/v1/auth/login {"username":"%s","password":"..."}
                    Lost it? POST /api/v1/auth/password-reset {"email":"%s"} sends a new link.
                    """.formatted(made.trustId(), trustName.strip(), adminEmail.strip(), made.passwordLink(), adminEmail.strip(), adminEmail.strip()));
        } else if (outcome instanceof PlatformBootstrap.Refused refused) {
            LOG.warn(refused.reason());
        }
    }
}
