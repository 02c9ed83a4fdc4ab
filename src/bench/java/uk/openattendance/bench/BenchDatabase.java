package uk.openattendance.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one database a benchmark may touch, from settings: BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_NAME
 * (each benchmark's own default), BENCH_DB_USER (root), BENCH_DB_PASSWORD (empty); or BENCH_MYSQL_URL, whose host, port
 * and database are used instead. A benchmark drops and recreates that database and nothing else.
 */
final class BenchDatabase {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    final String host;
    final int port;
    final String name;
    final String user;
    final String password;

    private BenchDatabase(String host, int port, String name, String user, String password) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("BENCH_DB_NAME '" + name + "': letters, digits and _ only (it is dropped and recreated)");
        }
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase fromSettings(String defaultName) {
        return fromSettings(System.getenv(), defaultName);
    }

    static BenchDatabase fromSettings(Map<String, String> env, String defaultName) {
        String user = env.getOrDefault("BENCH_DB_USER", "root");
        String password = env.getOrDefault("BENCH_DB_PASSWORD", "");
        String url = env.get("BENCH_MYSQL_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.strip().substring("jdbc:".length()));
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            return new BenchDatabase(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(), path.isEmpty() ? defaultName : path, user, password);
        }
        return new BenchDatabase(env.getOrDefault("BENCH_DB_HOST", "127.0.0.1"), Integer.parseInt(env.getOrDefault("BENCH_DB_PORT", "3306")),
                env.getOrDefault("BENCH_DB_NAME", defaultName), user, password);
    }

    /** The service's JDBC URL: this database only. */
    String url() {
        return "jdbc:mysql://" + host + ":" + port + "/" + name + "?createDatabaseIfNotExist=true";
    }

    /** Drops and recreates this benchmark's database (and no other). */
    void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/?sslMode=DISABLED", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
        System.out.println("[bench] database " + name + " on " + host + ":" + port + " (recreated; nothing else is touched)");
    }
}
