package uk.openattendance.register.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.db.RowInserts;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.register.domain.Tally;

/**
 * Each pupil's running tallies by week ({@code attendance_week}) and academic year ({@code attendance_year}), added to
 * inside the caller's transaction as one multi-row upsert a table, and the sums the figures read from them.
 */
@Singleton
@Connectable
public class TallyStore {
    private static final String TALLY_COLUMNS = "sessions, possible, present, approved_activity, authorised, unauthorised, late_l, late_u, minutes_late, "
            + "penalty_sessions";

    private static final String TALLY_SUMS = "SUM(sessions) AS sessions, SUM(possible) AS possible, SUM(present) AS present, "
            + "SUM(approved_activity) AS approved_activity, SUM(authorised) AS authorised, SUM(unauthorised) AS unauthorised, SUM(late_l) AS late_l, "
            + "SUM(late_u) AS late_u, SUM(minutes_late) AS minutes_late, SUM(penalty_sessions) AS penalty_sessions";

    private static final String ADD_SUMS = "sessions = sessions + VALUES(sessions), possible = possible + VALUES(possible), present = present + VALUES(present), "
            + "approved_activity = approved_activity + VALUES(approved_activity), authorised = authorised + VALUES(authorised), "
            + "unauthorised = unauthorised + VALUES(unauthorised), late_l = late_l + VALUES(late_l), late_u = late_u + VALUES(late_u), "
            + "minutes_late = minutes_late + VALUES(minutes_late), penalty_sessions = penalty_sessions + VALUES(penalty_sessions)";

    private static final RowMapper<Tally> TALLY = rs -> new Tally(rs.getInt("sessions"), rs.getInt("possible"), rs.getInt("present"),
            rs.getInt("approved_activity"), rs.getInt("authorised"), rs.getInt("unauthorised"), rs.getInt("late_l"), rs.getInt("late_u"),
            rs.getInt("minutes_late"), rs.getInt("penalty_sessions"));

    private final Sql sql;

    public TallyStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** Adds each row's tally to the pupil's academic year (creating it), keyed {@code pupil|school|year}, in one statement. */
    public void addToYears(Map<String, Tally> deltasByPupilSchoolYear) {
        if (deltasByPupilSchoolYear.isEmpty()) {
            return;
        }
        sql.batch("INSERT INTO attendance_year (pupil_id, academic_year, school_id, " + TALLY_COLUMNS + ")", 13, "ON DUPLICATE KEY UPDATE " + ADD_SUMS,
                List.copyOf(deltasByPupilSchoolYear.entrySet()), (v, e) -> {
                    String[] k = e.getKey().split("\\|");
                    tally(v.add(Long.parseLong(k[0])).add(k[2]).add(Long.parseLong(k[1])), e.getValue());
                });
    }

    /** Adds each row's tally to the stored week (creating it), in one statement. */
    public void addToWeeks(Collection<WeekRow> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        sql.batch("INSERT INTO attendance_week (pupil_id, week_start, school_id, " + TALLY_COLUMNS + ")", 13, "ON DUPLICATE KEY UPDATE " + ADD_SUMS,
                List.copyOf(deltas), (v, w) -> tally(v.add(w.pupilId()).add(w.weekStart()).add(w.schoolId()), w.tally()));
    }

    private static void tally(RowInserts.Values v, Tally t) throws SQLException {
        v.add(t.sessions()).add(t.possible()).add(t.present()).add(t.approvedActivity()).add(t.authorised()).add(t.unauthorised()).add(t.lateL())
                .add(t.lateU()).add(t.minutesLate()).add(t.penaltySessions());
    }

    public Map<Long, Tally> yearTotals(Collection<Long> schoolIds, String academicYear) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        return byPupil(sql.query("SELECT pupil_id, " + TALLY_COLUMNS + " FROM attendance_year WHERE school_id IN (:schools) AND academic_year = :year",
                Sql.params("schools", schoolIds).and("year", academicYear)).list(rs -> Map.entry(rs.getLong("pupil_id"), TALLY.map(rs))));
    }

    /** Per-pupil sums of whole weeks starting in [fromWeek, toWeek], for the given schools. */
    public Map<Long, Tally> weekTotals(Collection<Long> schoolIds, LocalDate fromWeek, LocalDate toWeek) {
        if (schoolIds.isEmpty() || toWeek.isBefore(fromWeek)) {
            return Map.of();
        }
        return byPupil(sql.query("SELECT pupil_id, " + TALLY_SUMS + " FROM attendance_week WHERE school_id IN (:schools) AND week_start BETWEEN :from AND :to "
                + "GROUP BY pupil_id", Sql.params("schools", schoolIds).and("from", fromWeek).and("to", toWeek))
                .list(rs -> Map.entry(rs.getLong("pupil_id"), TALLY.map(rs))));
    }

    private static Map<Long, Tally> byPupil(List<Map.Entry<Long, Tally>> rows) {
        Map<Long, Tally> out = new HashMap<>();
        rows.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Each pupil's stored week tallies for weeks starting in [fromWeek, toWeek] at one school, one row per pupil and week;
     * {@code pupilIds} null for every pupil (a whole school's chart), else only these.
     */
    public List<WeekRow> weeks(long schoolId, Collection<Long> pupilIds, LocalDate fromWeek, LocalDate toWeek) {
        if (toWeek.isBefore(fromWeek) || (pupilIds != null && pupilIds.isEmpty())) {
            return List.of();
        }
        Sql.Params params = Sql.params("school", schoolId).and("from", fromWeek).and("to", toWeek);
        if (pupilIds != null) {
            params.and("pupils", pupilIds);
        }
        return sql.query("SELECT pupil_id, week_start, " + TALLY_COLUMNS + " FROM attendance_week WHERE school_id = :school AND week_start BETWEEN :from AND :to"
                + (pupilIds == null ? "" : " AND pupil_id IN (:pupils)"), params)
                .list(rs -> new WeekRow(rs.getLong("pupil_id"), Sql.date(rs, "week_start"), schoolId, TALLY.map(rs)));
    }

    /** Per-pupil weeks (start, sessions, penalty sessions) up to a week, newest first: the penalty-notice monitor's input. */
    public Map<Long, List<long[]>> penaltyWeeks(Collection<Long> schoolIds, LocalDate fromWeek, LocalDate toWeek) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<long[]>> out = new HashMap<>();
        sql.query("SELECT pupil_id, week_start, sessions, penalty_sessions FROM attendance_week WHERE school_id IN (:schools) "
                + "AND week_start BETWEEN :from AND :to AND sessions > 0", Sql.params("schools", schoolIds).and("from", fromWeek).and("to", toWeek))
                .list(rs -> Map.entry(rs.getLong("pupil_id"), new long[] {Sql.date(rs, "week_start").toEpochDay(), rs.getInt("sessions"),
                        rs.getInt("penalty_sessions")}))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }
}
