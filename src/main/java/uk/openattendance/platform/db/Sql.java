package uk.openattendance.platform.db;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small JDBC helpers the feature stores share. */
public final class Sql {
    private Sql() {}

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Ids written into an IN (...) list; they are numbers, so nothing a caller sends reaches the SQL text. */
    public static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Binds values in order: LocalDate as DATE, Instant as TIMESTAMP, enums by name, null as SQL NULL. */
    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            int at = i + 1;
            if (v == null) {
                ps.setNull(at, Types.NULL);
            } else if (v instanceof LocalDate d) {
                ps.setDate(at, Date.valueOf(d));
            } else if (v instanceof Instant t) {
                ps.setTimestamp(at, Timestamp.from(t));
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
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
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
