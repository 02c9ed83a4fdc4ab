package uk.openattendance.register.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;

/** The daily seals, one per school and date, each kept as the signed document it was issued as. */
@Singleton
@Connectable
public class LedgerSealStore {
    public record SealRow(long id, long schoolId, LocalDate date, Instant asOf, int chainCount, long totalEntries, String signingKey, String emailedTo,
            String document) {}

    private static final String COLUMNS = "id, school_id, seal_date, as_of, chain_count, total_entries, signing_key, emailed_to, document";

    private static final RowMapper<SealRow> ROW = rs -> new SealRow(rs.getLong("id"), rs.getLong("school_id"), Sql.date(rs, "seal_date"),
            Sql.instant(rs, "as_of"), rs.getInt("chain_count"), rs.getLong("total_entries"), rs.getString("signing_key"), rs.getString("emailed_to"),
            rs.getString("document"));

    private final Sql sql;

    public LedgerSealStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** Stores the seal unless the school already has one for the date; returns whether this call stored it. */
    public boolean insert(long schoolId, LocalDate date, Instant asOf, int chains, long entries, String signingKey, String emailedTo, String document) {
        return sql.update("INSERT IGNORE INTO ledger_seal (school_id, seal_date, as_of, chain_count, total_entries, signing_key, emailed_to, document) "
                + "VALUES (:school, :date, :asOf, :chains, :entries, :key, :emailedTo, :document)", Sql.params("school", schoolId).and("date", date)
                        .and("asOf", asOf).and("chains", chains).and("entries", entries).and("key", signingKey).and("emailedTo", emailedTo)
                        .and("document", document)) == 1;
    }

    public Optional<SealRow> of(long schoolId, LocalDate date) {
        return sql.query("SELECT " + COLUMNS + " FROM ledger_seal WHERE school_id = :school AND seal_date = :date",
                Sql.params("school", schoolId).and("date", date)).optional(ROW);
    }

    public Optional<SealRow> byId(long id) {
        return sql.query("SELECT " + COLUMNS + " FROM ledger_seal WHERE id = :id", Sql.params("id", id)).optional(ROW);
    }

    /** Newest first, without the documents. */
    public List<SealRow> ofSchool(long schoolId, int offset, int limit) {
        return sql.query("SELECT id, school_id, seal_date, as_of, chain_count, total_entries, signing_key, emailed_to, NULL AS document FROM ledger_seal "
                + "WHERE school_id = :school ORDER BY seal_date DESC LIMIT :limit OFFSET :offset",
                Sql.params("school", schoolId).and("limit", limit).and("offset", offset)).list(ROW);
    }

    public long countOfSchool(long schoolId) {
        return sql.query("SELECT COUNT(*) AS seals FROM ledger_seal WHERE school_id = :school", Sql.params("school", schoolId))
                .optional(rs -> rs.getLong("seals")).orElse(0L);
    }
}
