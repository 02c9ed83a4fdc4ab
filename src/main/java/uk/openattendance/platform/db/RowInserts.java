package uk.openattendance.platform.db;

import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;

/**
 * Many rows as multi-row INSERT statements ({@code VALUES (...),(...),...}), a few hundred rows a statement. A JDBC
 * batch of the same rows costs Connector/J far more: it copies every row's bindings on addBatch and encodes each value
 * twice more to size and then build its rewritten statement, and a Date or Timestamp value builds a SimpleDateFormat
 * each time. Profiling the demo's first start found 70% of the loader's time there; this writes the same rows in under
 * half the time. java.time values are bound as such (cheap encoders; an Instant goes as UTC, the connection's zone).
 */
public final class RowInserts {
    /** MySQL's limit is 65,535 placeholders a statement; far fewer keeps each statement under max_allowed_packet. */
    private static final int MAX_PLACEHOLDERS = 12_000;
    /**
     * From this many rows a statement is prepared on the server and its values sent in binary, which costs the client a
     * third less again than Connector/J's text encoding (and the server less parsing); below it, the extra round trip to
     * prepare and close it is not worth it (a register of 30 marks).
     */
    private static final int SERVER_PREPARED_FROM = 200;

    private RowInserts() {}

    /** Binds one row's values in column order. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(Values values, T row) throws SQLException;
    }

    /**
     * Inserts the rows: {@code head} is {@code INSERT INTO t (a, b, c)}, {@code tail} what follows the values (e.g.
     * {@code ON DUPLICATE KEY UPDATE ...}, or empty), {@code columns} the number of values each row binds.
     */
    public static <T> void insert(JdbcOperations jdbc, String head, int columns, String tail, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        int perStatement = Math.max(1, MAX_PLACEHOLDERS / columns);
        int full = rows.size() / perStatement * perStatement;
        if (full > 0) {
            write(jdbc, head, columns, tail, rows.subList(0, full), perStatement, binder);
        }
        if (full < rows.size()) {
            write(jdbc, head, columns, tail, rows.subList(full, rows.size()), rows.size() - full, binder);
        }
    }

    /** Rows in statements of exactly {@code perStatement} rows each (one statement prepared, run as often as needed). */
    private static <T> void write(JdbcOperations jdbc, String head, int columns, String tail, List<T> rows, int perStatement, Binder<T> binder) {
        String row = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        String sql = head + " VALUES " + String.join(",", Collections.nCopies(perStatement, row)) + (tail.isEmpty() ? "" : " " + tail);
        boolean bulk = rows.size() >= SERVER_PREPARED_FROM;
        jdbc.execute(connection -> {
            try (PreparedStatement ps = bulk && connection.isWrapperFor(JdbcConnection.class)
                    ? connection.unwrap(JdbcConnection.class).serverPrepareStatement(sql) : connection.prepareStatement(sql)) {
                Values values = new Values(ps);
                for (int from = 0; from < rows.size(); from += perStatement) {
                    values.at = 1;
                    for (T r : rows.subList(from, from + perStatement)) {
                        int before = values.at;
                        binder.bind(values, r);
                        if (values.at - before != columns) {
                            throw new IllegalStateException("a row bound " + (values.at - before) + " values for " + columns + " columns");
                        }
                    }
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static final java.time.format.DateTimeFormatter UTC_SECONDS = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);

    /** The literal MariaDB reads back as this instant in a UTC session: seconds, and microseconds when there are any. */
    static String utc(Instant value) {
        String seconds = UTC_SECONDS.format(value);
        int micros = value.getNano() / 1000;
        return micros == 0 ? seconds : seconds + "." + String.format("%06d", micros);
    }

    /** The next placeholder of the statement, in order. */
    public static final class Values {
        private final PreparedStatement ps;
        private int at = 1;

        private Values(PreparedStatement ps) {
            this.ps = ps;
        }

        public Values add(long value) throws SQLException {
            ps.setLong(at++, value);
            return this;
        }

        public Values add(int value) throws SQLException {
            ps.setInt(at++, value);
            return this;
        }

        public Values add(String value) throws SQLException {
            if (value == null) {
                ps.setNull(at++, Types.VARCHAR);
            } else {
                ps.setString(at++, value);
            }
            return this;
        }

        public Values add(LocalDate value) throws SQLException {
            return object(value, Types.DATE);
        }

        public Values add(LocalTime value) throws SQLException {
            return object(value, Types.TIME);
        }

        /**
         * As the UTC wall time the session reads (forceConnectionTimeZoneToSession), written out here: Connector/J's
         * Instant encoder formats through a new SimpleDateFormat per value, a seventh of a register save's INSERT time.
         */
        public Values add(Instant value) throws SQLException {
            if (value == null) {
                ps.setNull(at++, Types.TIMESTAMP);
                return this;
            }
            ps.setString(at++, utc(value));
            return this;
        }

        private Values object(Object value, int type) throws SQLException {
            if (value == null) {
                ps.setNull(at++, type);
            } else {
                ps.setObject(at++, value);
            }
            return this;
        }
    }
}
