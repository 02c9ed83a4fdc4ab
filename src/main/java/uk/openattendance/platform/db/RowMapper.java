package uk.openattendance.platform.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Builds one value from the current row of a result set: the one way a store turns rows into its records. Read columns by
 * name, with {@link Sql}'s null-aware helpers for dates, instants and nullable numbers.
 */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
