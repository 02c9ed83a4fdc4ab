package uk.openattendance.register.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.db.UnionRead;
import uk.openattendance.register.domain.CodeCatalogue;

/**
 * The {@code mark} table: each pupil's current mark for a session, written inside the caller's transaction as multi-row
 * INSERTs (the bulk of an import's time; see RowInserts) and one batch of version-checked UPDATEs. History and chain heads
 * are ChainStore's, the weekly and yearly tallies TallyStore's.
 */
@Singleton
@Connectable
public class MarkStore {
    private static final String MARK_COLUMNS = "id, school_id, pupil_id, register_group_id, mark_date, session, code, minutes_late, arrived_at, source, "
            + "version, recorded_by, recorded_at";

    private static final RowMapper<MarkRow> MARK = rs -> new MarkRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"),
            rs.getLong("register_group_id"), Sql.date(rs, "mark_date"), rs.getString("session"), rs.getString("code"), rs.getInt("minutes_late"),
            Sql.time(rs, "arrived_at"), rs.getString("source"), rs.getInt("version"), rs.getString("recorded_by"), Sql.instant(rs, "recorded_at"));

    private final Sql sql;
    private final JdbcOperations jdbc;

    public MarkStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.sql = Sql.on(jdbc);
    }

    public Map<Long, MarkRow> marks(long schoolId, LocalDate date, String session, Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        return sql.query("SELECT " + MARK_COLUMNS + " FROM mark WHERE school_id = :school AND mark_date = :date AND session = :session AND pupil_id IN (:pupils)",
                Sql.params("school", schoolId).and("date", date).and("session", session).and("pupils", pupilIds)).list(MARK).stream()
                .collect(Collectors.toMap(MarkRow::pupilId, m -> m));
    }

    /** Parts over any feature's tables in one round trip (UnionRead), inside the caller's transaction. */
    public List<List<?>> read(List<UnionRead.Part<?>> parts) {
        return UnionRead.read(jdbc, parts);
    }

    /** {@link #marks(long, LocalDate, String, Collection)} as a part of a combined read (UnionRead). */
    public static UnionRead.Part<MarkRow> marksPart(long schoolId, LocalDate date, String session, Collection<Long> pupilIds) {
        return new UnionRead.Part<>(List.of(MARK_COLUMNS.split(", ")), "FROM mark WHERE school_id = :school AND mark_date = :date AND session = :session "
                + "AND pupil_id IN (:pupils)", Sql.params("school", schoolId).and("date", date).and("session", session).and("pupils", pupilIds), v -> new MarkRow(v.id(0), v.id(1), v.id(2), v.id(3), v.date(4), v.text(5),
                        v.text(6), v.integer(7), v.time(8), v.text(9), v.integer(10), v.text(11), v.instant(12)));
    }

    public List<MarkRow> marksOfSchoolOn(long schoolId, LocalDate date) {
        return sql.query("SELECT " + MARK_COLUMNS + " FROM mark WHERE school_id = :school AND mark_date = :date",
                Sql.params("school", schoolId).and("date", date)).list(MARK);
    }

    public List<MarkRow> marksOfPupil(long pupilId, LocalDate from, LocalDate to) {
        return sql.query("SELECT " + MARK_COLUMNS + " FROM mark WHERE pupil_id = :pupil AND mark_date BETWEEN :from AND :to ORDER BY mark_date, session",
                Sql.params("pupil", pupilId).and("from", from).and("to", to)).list(MARK);
    }

    public List<MarkRow> marksWithCode(long schoolId, String code, LocalDate from, LocalDate to) {
        return marksWithCodes(schoolId, List.of(code), from, to);
    }

    public List<MarkRow> marksWithCodes(long schoolId, Collection<String> codes, LocalDate from, LocalDate to) {
        return sql.query("SELECT " + MARK_COLUMNS + " FROM mark WHERE school_id = :school AND code IN (:codes) AND mark_date BETWEEN :from AND :to "
                + "ORDER BY mark_date, session, pupil_id", Sql.params("school", schoolId).and("codes", codes).and("from", from).and("to", to)).list(MARK);
    }

    public void insertMarks(List<MarkRow> rows) {
        sql.batch("INSERT INTO mark (school_id, pupil_id, register_group_id, mark_date, session, code, minutes_late, arrived_at, source, version, "
                + "recorded_by, recorded_at)", 12, "", rows, (v, m) -> v.add(m.schoolId()).add(m.pupilId()).add(m.registerGroupId()).add(m.date())
                        .add(m.session()).add(m.code()).add(m.minutesLate()).add(m.arrivedAt()).add(m.source()).add(m.version()).add(m.recordedBy())
                        .add(m.recordedAt()));
    }

    /** Updates marks whose stored version is still {@code version - 1}; returns the pupils whose mark someone else changed first. */
    public List<Long> updateMarks(List<MarkRow> rows) {
        int[] counts = sql.updateEach("UPDATE mark SET code = :code, minutes_late = :late, arrived_at = :arrived, source = :source, version = :version, "
                + "recorded_by = :by, recorded_at = :at, register_group_id = :group WHERE id = :id AND version = :was", rows,
                m -> Sql.params("code", m.code()).and("late", m.minutesLate()).and("arrived", m.arrivedAt()).and("source", m.source())
                        .and("version", m.version()).and("by", m.recordedBy()).and("at", m.recordedAt()).and("group", m.registerGroupId())
                        .and("id", m.id()).and("was", m.version() - 1));
        List<Long> stale = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                stale.add(rows.get(i).pupilId());
            }
        }
        return stale;
    }

    /** Every current mark of these pupils (any date): what the history verification compares with the latest entries. */
    public List<MarkRow> allMarksOfPupils(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT " + MARK_COLUMNS + " FROM mark WHERE pupil_id IN (:pupils)", Sql.params("pupils", pupilIds)).list(MARK);
    }

    /** The pupils' marks between two dates. */
    public List<MarkRow> marksOfPupils(Collection<Long> pupilIds, LocalDate from, LocalDate to) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT " + MARK_COLUMNS + " FROM mark WHERE pupil_id IN (:pupils) AND mark_date BETWEEN :from AND :to",
                Sql.params("pupils", pupilIds).and("from", from).and("to", to)).list(MARK);
    }

    /** Raw marks grouped by pupil and code over a few days (the partial weeks at a window's edges). */
    public record CodeCount(long pupilId, String code, LocalDate anyDate, int count, int minutesLate) {}

    public List<CodeCount> codeCounts(Collection<Long> schoolIds, LocalDate from, LocalDate to) {
        if (schoolIds.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        // grouped by the 2024 change too, so a code keeps the meaning it had on its date
        return sql.query("SELECT pupil_id, code, MIN(mark_date) AS any_date, COUNT(*) AS n, SUM(minutes_late) AS minutes_late FROM mark "
                + "WHERE school_id IN (:schools) AND mark_date BETWEEN :from AND :to GROUP BY pupil_id, code, mark_date >= :codes2024",
                Sql.params("schools", schoolIds).and("from", from).and("to", to).and("codes2024", CodeCatalogue.CODES_2024))
                .list(rs -> new CodeCount(rs.getLong("pupil_id"), rs.getString("code"), Sql.date(rs, "any_date"), rs.getInt("n"), rs.getInt("minutes_late")));
    }
}
