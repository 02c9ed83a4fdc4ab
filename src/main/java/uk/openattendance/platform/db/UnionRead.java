package uk.openattendance.platform.db;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Several small SELECTs over different tables in one round trip, as one {@code UNION ALL}: a register save reads its
 * pupils, their marks and what is planned for them (leave, reported absences) at once, each feature writing the part over
 * its own table and decoding its own rows. Every column is sent as text (utf8mb4, so parts never disagree on a
 * collation) and the shorter parts are padded with NULLs; a {@link Values} row turns the text back into values.
 * (MariaDB's multi-statement protocol would do the same, but only with allowMultiQueries on every connection.)
 */
public final class UnionRead {
    private UnionRead() {}

    /**
     * One SELECT: {@code columns} are SQL expressions over {@code from} (a FROM ... WHERE ... clause with {@code :name}
     * parameters, a collection expanding to an IN list as in {@link Sql}), {@code decode} builds one value from a row's
     * columns in that order. Each part binds its own names, so two parts may both use {@code :school}.
     */
    public record Part<T>(List<String> columns, String from, Sql.Params params, Function<Values, T> decode) {}

    /** The rows of each part, in the parts' order. */
    public static List<List<?>> read(JdbcOperations jdbc, List<Part<?>> parts) {
        int width = parts.stream().mapToInt(p -> p.columns().size()).max().orElse(0);
        StringBuilder sql = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part<?> p = parts.get(i);
            NamedSql.Bound from = NamedSql.bind(p.from(), p.params().values());
            binds.addAll(from.values());
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(i).append(" AS part");
            for (String c : p.columns()) {
                sql.append(", CAST(").append(c).append(" AS CHAR CHARACTER SET utf8mb4)");
            }
            sql.append(String.join("", Collections.nCopies(width - p.columns().size(), ", NULL"))).append(' ').append(from.sql()).append(')');
        }
        return jdbc.prepareStatement(sql.toString(), (PreparedStatement ps) -> {
            Sql.bind(ps, binds.toArray());
            List<List<?>> out = new ArrayList<>();
            parts.forEach(p -> out.add(new ArrayList<>()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int part = rs.getInt(1);
                    String[] values = new String[parts.get(part).columns().size()];
                    for (int c = 0; c < values.length; c++) {
                        values[c] = rs.getString(c + 2);
                    }
                    @SuppressWarnings("unchecked")
                    List<Object> rows = (List<Object>) out.get(part);
                    rows.add(parts.get(part).decode().apply(new Values(values)));
                }
            }
            return out;
        });
    }

    /** One row of a part, as the text MariaDB cast its columns to. */
    public record Values(String[] text) {
        public String text(int i) {
            return text[i];
        }

        public long id(int i) {
            return Long.parseLong(text[i]);
        }

        public Long optionalId(int i) {
            return text[i] == null ? null : Long.parseLong(text[i]);
        }

        public int integer(int i) {
            return Integer.parseInt(text[i]);
        }

        /** A BOOLEAN (TINYINT) column. */
        public boolean bool(int i) {
            return !"0".equals(text[i]);
        }

        public LocalDate date(int i) {
            return text[i] == null ? null : LocalDate.parse(text[i]);
        }

        public LocalTime time(int i) {
            return text[i] == null ? null : LocalTime.parse(text[i]);
        }

        /** A TIMESTAMP or DATETIME, which the session reads in UTC (forceConnectionTimeZoneToSession). */
        public Instant instant(int i) {
            return text[i] == null ? null : LocalDateTime.parse(text[i].replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
