package uk.openattendance.platform.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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
}
