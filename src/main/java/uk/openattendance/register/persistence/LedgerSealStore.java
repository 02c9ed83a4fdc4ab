package uk.openattendance.register.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The daily seals, one per school and date, each kept as the signed document it was issued as. */
@Singleton
@Connectable
public class LedgerSealStore {
    public record SealRow(long id, long schoolId, LocalDate date, Instant asOf, int chainCount, long totalEntries, String signingKey, String emailedTo,
            String document) {}

    private static final String COLUMNS = "id, school_id, seal_date, as_of, chain_count, total_entries, signing_key, emailed_to, document";

    private final JdbcOperations jdbc;

    public LedgerSealStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the seal unless the school already has one for the date; returns whether this call stored it. */
    public boolean insert(long schoolId, LocalDate date, Instant asOf, int chains, long entries, String signingKey, String emailedTo, String document) {
        return jdbc.prepareStatement("INSERT IGNORE INTO ledger_seal (school_id, seal_date, as_of, chain_count, total_entries, signing_key, emailed_to, "
                + "document) VALUES (?,?,?,?,?,?,?,?)", ps -> {
                    ps.setLong(1, schoolId);
                    ps.setDate(2, Date.valueOf(date));
                    ps.setTimestamp(3, Timestamp.from(asOf));
                    ps.setInt(4, chains);
                    ps.setLong(5, entries);
                    ps.setString(6, signingKey);
                    ps.setString(7, emailedTo);
                    ps.setString(8, document);
                    return ps.executeUpdate() == 1;
                });
    }

    public Optional<SealRow> of(long schoolId, LocalDate date) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM ledger_seal WHERE school_id = ? AND seal_date = ?", ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(date));
            return read(ps).stream().findFirst();
        });
    }

    public Optional<SealRow> byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM ledger_seal WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        });
    }

    /** Newest first, without the documents. */
    public List<SealRow> ofSchool(long schoolId, int offset, int limit) {
        return jdbc.prepareStatement("SELECT id, school_id, seal_date, as_of, chain_count, total_entries, signing_key, emailed_to, NULL FROM ledger_seal "
                + "WHERE school_id = ? ORDER BY seal_date DESC LIMIT ? OFFSET ?", ps -> {
                    ps.setLong(1, schoolId);
                    ps.setInt(2, limit);
                    ps.setInt(3, offset);
                    return read(ps);
                });
    }

    public long countOfSchool(long schoolId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM ledger_seal WHERE school_id = ?", ps -> {
            ps.setLong(1, schoolId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<SealRow> read(PreparedStatement ps) throws SQLException {
        List<SealRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SealRow(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getLong(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }
}
