package uk.openattendance.platform.db;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way stores run hand-written SQL: {@code Sql.on(jdbc).query("SELECT ... WHERE school_id = :school",
 * Sql.params("school", id)).list(mapper)}, with named parameters (a collection expands to an IN list; see NamedSql), one
 * {@link RowMapper} per record, and many rows written as multi-row INSERTs (RowInserts: one statement a table, the
 * register save's measured speed-up). Each call runs on the caller's connection and transaction; Connector/J caches the
 * prepared statements by their text (cachePrepStmts), so the constant SQL of a store is parsed once.
 */
public final class Sql {
    private final JdbcOperations jdbc;

    private Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public static Sql on(JdbcOperations jdbc) {
        return new Sql(jdbc);
    }

    /** Named values for a statement; unlike Map.of it keeps nulls (bound as SQL NULL) and any number of entries. */
    public static Params params() {
        return new Params();
    }

    public static Params params(String name, Object value) {
        return new Params().and(name, value);
    }

    public static final class Params {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Params() {}

        public Params and(String name, Object value) {
            values.put(name, value);
            return this;
        }

        Map<String, Object> values() {
            return values;
        }
    }

    /** A SELECT waiting for the mapper that reads its rows. */
    public final class Query {
        private final NamedSql.Bound bound;

        private Query(NamedSql.Bound bound) {
            this.bound = bound;
        }

        public <T> List<T> list(RowMapper<T> mapper) {
            return jdbc.prepareStatement(bound.sql(), ps -> {
                bind(ps, bound.values().toArray());
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            });
        }

        /** The first row, if there is one. */
        public <T> Optional<T> optional(RowMapper<T> mapper) {
            return jdbc.prepareStatement(bound.sql(), ps -> {
                bind(ps, bound.values().toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.<T>empty();
                }
            });
        }
    }

    public Query query(String sql, Params params) {
        return new Query(NamedSql.bind(sql, params.values()));
    }

    public Query query(String sql) {
        return query(sql, params());
    }

    /** Runs one INSERT, UPDATE or DELETE; returns the rows it changed. */
    public int update(String sql, Params params) {
        NamedSql.Bound bound = NamedSql.bind(sql, params.values());
        return jdbc.prepareStatement(bound.sql(), ps -> {
            bind(ps, bound.values().toArray());
            return ps.executeUpdate();
        });
    }

    /** Runs one INSERT and returns the id it generated. */
    public long insert(String sql, Params params) {
        NamedSql.Bound bound = NamedSql.bind(sql, params.values());
        return insert(jdbc, bound.sql(), bound.values().toArray());
    }

    /**
     * One statement run for each row as a JDBC batch (rewritten by Connector/J where it can): the rows each run changed,
     * in order, for writes that must know which rows matched (an optimistic version check). The SQL must not expand a
     * list, so every row runs the same statement.
     */
    public <T> int[] updateEach(String sql, List<T> rows, Function<T, Params> params) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        NamedSql.Bound first = NamedSql.bind(sql, params.apply(rows.get(0)).values());
        return jdbc.prepareStatement(first.sql(), ps -> {
            for (T row : rows) {
                NamedSql.Bound bound = NamedSql.bind(sql, params.apply(row).values());
                if (!bound.sql().equals(first.sql())) {
                    throw new IllegalArgumentException("each row of a batch must run the same statement: " + sql);
                }
                bind(ps, bound.values().toArray());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /**
     * Many rows as multi-row INSERTs, a few hundred rows a statement (RowInserts): {@code head} is
     * {@code INSERT INTO t (a, b, c)}, {@code tail} what follows the values (e.g. {@code ON DUPLICATE KEY UPDATE ...},
     * or empty), {@code columns} the number of values each row binds.
     */
    public <T> void batch(String head, int columns, String tail, List<T> rows, RowInserts.Binder<T> binder) {
        RowInserts.insert(jdbc, head, columns, tail, rows, binder);
    }

    /** Binds values in order: LocalDate as DATE, Instant as TIMESTAMP, enums by name, null as SQL NULL. */
    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            int at = i + 1;
            if (v == null) {
                ps.setNull(at, Types.NULL);
            } else if (v instanceof LocalDate d) {
                ps.setObject(at, d); // as DATE, with no Calendar in between
            } else if (v instanceof Instant t) {
                ps.setTimestamp(at, Timestamp.from(t));
            } else if (v instanceof LocalTime t) {
                ps.setTime(at, Time.valueOf(t));
            } else if (v instanceof Enum<?> e) {
                ps.setString(at, e.name());
            } else {
                ps.setObject(at, v);
            }
        }
    }

    /** Runs one INSERT with these values and returns the id it generated. */
    public static long insert(JdbcOperations jdbc, String sql, Object... values) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, values);
            ps.executeUpdate();
            return lastId(ps);
        });
    }

    /** The id the last INSERT on this statement's connection generated. */
    public static long lastId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getConnection().createStatement().executeQuery("SELECT LAST_INSERT_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        // straight from the column's text: getDate builds a Calendar in the JVM's zone for every value, which was the
        // largest cost of reading a whole roll (three dates a pupil)
        return rs.getObject(column, LocalDate.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static LocalTime time(ResultSet rs, String column) throws SQLException {
        Time t = rs.getTime(column);
        return t == null ? null : t.toLocalTime();
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
