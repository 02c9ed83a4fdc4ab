package uk.openattendance.register.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.openattendance.platform.db.RowInserts;
import uk.openattendance.platform.db.Sql;
import uk.openattendance.platform.db.UnionRead;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.domain.HistoryChain;
import uk.openattendance.register.domain.Tally;

/**
 * Marks, their history and the weekly tallies, written inside the caller's transaction: marks and history as multi-row
 * INSERTs (the bulk of an import's time; see RowInserts), tallies and chain heads as multi-row upserts. A whole register is a
 * handful of statements whatever its size (STACK.md: saveAll does not batch generated ids).
 */
@Singleton
@Connectable
public class MarkStore {
    private static final String MARK_COLUMNS = "id, school_id, pupil_id, register_group_id, mark_date, session, code, minutes_late, arrived_at, source, "
            + "version, recorded_by, recorded_at";

    private final JdbcOperations jdbc;

    public MarkStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, MarkRow> marks(long schoolId, LocalDate date, String session, Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT " + MARK_COLUMNS + " FROM mark WHERE school_id = ? AND mark_date = ? AND session = ? AND pupil_id IN (" + marks(pupilIds.size()) + ")";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(date));
            ps.setString(3, session);
            int i = 4;
            for (Long id : pupilIds) {
                ps.setLong(i++, id);
            }
            return readMarks(ps).stream().collect(Collectors.toMap(MarkRow::pupilId, m -> m));
        });
    }

    /** Parts over any feature's tables in one round trip (UnionRead), inside the caller's transaction. */
    public List<List<?>> read(List<UnionRead.Part<?>> parts) {
        return UnionRead.read(jdbc, parts);
    }

    /** {@link #marks(long, LocalDate, String, Collection)} as a part of a combined read (UnionRead). */
    public static UnionRead.Part<MarkRow> marksPart(long schoolId, LocalDate date, String session, Collection<Long> pupilIds) {
        return new UnionRead.Part<>(List.of(MARK_COLUMNS.split(", ")), "FROM mark WHERE school_id = ? AND mark_date = ? AND session = ? AND pupil_id IN ("
                + Sql.ids(pupilIds) + ")", List.of(schoolId, date, session), v -> new MarkRow(v.id(0), v.id(1), v.id(2), v.id(3), v.date(4), v.text(5),
                        v.text(6), v.integer(7), v.time(8), v.text(9), v.integer(10), v.text(11), v.instant(12)));
    }

    /** The pupils' chain heads as last committed, without a lock: which heads exist, so a writer knows whether it must create some. */
    public static UnionRead.Part<ChainHead> headsPart(Collection<Long> pupilIds) {
        return new UnionRead.Part<>(List.of("pupil_id", "school_id", "seq", "hash"), "FROM pupil_chain_head WHERE pupil_id IN (" + Sql.ids(pupilIds) + ")",
                List.of(), v -> new ChainHead(v.id(0), v.id(1), v.id(2), v.text(3)));
    }

    public List<MarkRow> marksOfSchoolOn(long schoolId, LocalDate date) {
        return jdbc.prepareStatement("SELECT " + MARK_COLUMNS + " FROM mark WHERE school_id = ? AND mark_date = ?", ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(date));
            return readMarks(ps);
        });
    }

    public List<MarkRow> marksOfPupil(long pupilId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT " + MARK_COLUMNS + " FROM mark WHERE pupil_id = ? AND mark_date BETWEEN ? AND ? ORDER BY mark_date, session",
                ps -> {
                    ps.setLong(1, pupilId);
                    ps.setDate(2, Date.valueOf(from));
                    ps.setDate(3, Date.valueOf(to));
                    return readMarks(ps);
                });
    }

    public List<MarkRow> marksWithCode(long schoolId, String code, LocalDate from, LocalDate to) {
        return marksWithCodes(schoolId, List.of(code), from, to);
    }

    public List<MarkRow> marksWithCodes(long schoolId, Collection<String> codes, LocalDate from, LocalDate to) {
        String in = String.join(",", Collections.nCopies(codes.size(), "?"));
        return jdbc.prepareStatement("SELECT " + MARK_COLUMNS + " FROM mark WHERE school_id = ? AND code IN (" + in + ") AND mark_date BETWEEN ? AND ? "
                + "ORDER BY mark_date, session, pupil_id", ps -> {
                    int at = 1;
                    ps.setLong(at++, schoolId);
                    for (String code : codes) {
                        ps.setString(at++, code);
                    }
                    ps.setDate(at++, Date.valueOf(from));
                    ps.setDate(at, Date.valueOf(to));
                    return readMarks(ps);
                });
    }

    /**
     * Locks the pupils' chain heads for this transaction, so two writers to one pupil's history queue instead of forking
     * it. The upsert creates missing heads (seq 0) and takes exclusive locks in pupil order in one step; a plain
     * SELECT ... FOR UPDATE would take gap locks on missing rows, and INSERT IGNORE shared ones, both of which let two
     * saves over the same pupils deadlock.
     */
    public Map<Long, ChainHead> lockHeads(long schoolId, Collection<Long> pupilIds) {
        return lockHeads(schoolId, pupilIds, false);
    }

    /**
     * As {@link #lockHeads(long, Collection)}; {@code allExist} when the caller has just seen every one of these heads
     * (they are never deleted while marks exist), so a plain SELECT ... FOR UPDATE takes record locks only and the
     * creating upsert, one round trip, is not needed.
     */
    public Map<Long, ChainHead> lockHeads(long schoolId, Collection<Long> pupilIds, boolean allExist) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        if (allExist) {
            Map<Long, ChainHead> heads = heads(pupilIds, " FOR UPDATE");
            if (heads.size() == pupilIds.size()) {
                return heads;
            }
        }
        RowInserts.insert(jdbc, "INSERT INTO pupil_chain_head (pupil_id, school_id, seq, hash)", 4, "ON DUPLICATE KEY UPDATE seq = seq", List.copyOf(pupilIds),
                (v, id) -> v.add(id).add(schoolId).add(0).add(HistoryChain.GENESIS));
        return heads(pupilIds, " FOR UPDATE");
    }

    private Map<Long, ChainHead> heads(Collection<Long> pupilIds, String lock) {
        String sql = "SELECT pupil_id, school_id, seq, hash FROM pupil_chain_head WHERE pupil_id IN (" + marks(pupilIds.size()) + ")" + lock;
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Long id : pupilIds) {
                ps.setLong(i++, id);
            }
            Map<Long, ChainHead> heads = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getLong(1), new ChainHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return heads;
        });
    }

    public ChainHead head(long pupilId) {
        return jdbc.prepareStatement("SELECT pupil_id, school_id, seq, hash FROM pupil_chain_head WHERE pupil_id = ?", ps -> {
            ps.setLong(1, pupilId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ChainHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)) : null;
            }
        });
    }

    public void insertMarks(List<MarkRow> rows) {
        RowInserts.insert(jdbc, "INSERT INTO mark (school_id, pupil_id, register_group_id, mark_date, session, code, minutes_late, arrived_at, source, version, "
                + "recorded_by, recorded_at)", 12, "", rows, (v, m) -> v.add(m.schoolId()).add(m.pupilId()).add(m.registerGroupId()).add(m.date())
                        .add(m.session()).add(m.code()).add(m.minutesLate()).add(m.arrivedAt()).add(m.source()).add(m.version()).add(m.recordedBy())
                        .add(m.recordedAt()));
    }

    /** Updates marks whose stored version is still {@code version - 1}; returns the pupils whose mark someone else changed first. */
    public List<Long> updateMarks(List<MarkRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("UPDATE mark SET code = ?, minutes_late = ?, arrived_at = ?, source = ?, version = ?, recorded_by = ?, recorded_at = ?, "
                + "register_group_id = ? WHERE id = ? AND version = ?", ps -> {
                    for (MarkRow m : rows) {
                        ps.setString(1, m.code());
                        ps.setInt(2, m.minutesLate());
                        setTime(ps, 3, m.arrivedAt());
                        ps.setString(4, m.source());
                        ps.setInt(5, m.version());
                        ps.setString(6, m.recordedBy());
                        ps.setTimestamp(7, Timestamp.from(m.recordedAt()));
                        ps.setLong(8, m.registerGroupId());
                        ps.setLong(9, m.id());
                        ps.setInt(10, m.version() - 1);
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    List<Long> stale = new ArrayList<>();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] == 0) {
                            stale.add(rows.get(i).pupilId());
                        }
                    }
                    return stale;
                });
    }

    public void appendHistory(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        RowInserts.insert(jdbc, "INSERT INTO mark_history (school_id, pupil_id, seq, mark_date, session, old_code, new_code, old_minutes_late, "
                + "new_minutes_late, reason, changed_by, changed_at, prev_hash, key_id, hash)", 15, "", rows, (v, h) -> v.add(h.schoolId()).add(h.pupilId())
                        .add(h.seq()).add(h.date()).add(h.session()).add(h.oldCode()).add(h.newCode()).add(h.oldMinutesLate()).add(h.newMinutesLate())
                        .add(h.reason()).add(h.changedBy()).add(h.changedAt()).add(h.prevHash()).add(h.keyId()).add(h.hash()));
        Map<Long, HistoryRow> latest = new HashMap<>();
        for (HistoryRow h : rows) {
            latest.merge(h.pupilId(), h, (a, b) -> a.seq() > b.seq() ? a : b);
        }
        RowInserts.insert(jdbc, "INSERT INTO pupil_chain_head (pupil_id, school_id, seq, hash)", 4, "ON DUPLICATE KEY UPDATE seq = VALUES(seq), hash = VALUES(hash)",
                List.copyOf(latest.values()), (v, h) -> v.add(h.pupilId()).add(h.schoolId()).add(h.seq()).add(h.hash()));
    }

    public List<HistoryRow> history(long pupilId) {
        return jdbc.prepareStatement("SELECT school_id, pupil_id, seq, mark_date, session, old_code, new_code, old_minutes_late, new_minutes_late, reason, "
                + "changed_by, changed_at, prev_hash, key_id, hash FROM mark_history WHERE pupil_id = ? ORDER BY seq", ps -> {
                    ps.setLong(1, pupilId);
                    return readHistory(ps);
                });
    }

    /** The school's whole history, pupil by pupil in sequence order; streamed by the caller in pages of pupils. */
    public List<HistoryRow> historyOfPupils(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT school_id, pupil_id, seq, mark_date, session, old_code, new_code, old_minutes_late, new_minutes_late, reason, "
                + "changed_by, changed_at, prev_hash, key_id, hash FROM mark_history WHERE pupil_id IN (" + marks(pupilIds.size()) + ") ORDER BY pupil_id, seq", ps -> {
                    int i = 1;
                    for (Long id : pupilIds) {
                        ps.setLong(i++, id);
                    }
                    return readHistory(ps);
                });
    }

    public Map<Long, ChainHead> headsOf(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        return heads(pupilIds, "");
    }

    public List<ChainHead> headsOfSchool(long schoolId) {
        return jdbc.prepareStatement("SELECT pupil_id, school_id, seq, hash FROM pupil_chain_head WHERE school_id = ? ORDER BY pupil_id", ps -> {
            ps.setLong(1, schoolId);
            List<ChainHead> heads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.add(new ChainHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return heads;
        });
    }

    /** Every current mark of these pupils (any date): what the history verification compares with the latest entries. */
    public List<MarkRow> allMarksOfPupils(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + MARK_COLUMNS + " FROM mark WHERE pupil_id IN (" + marks(pupilIds.size()) + ")";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Long id : pupilIds) {
                ps.setLong(i++, id);
            }
            return readMarks(ps);
        });
    }

    /** The pupils of a school with a chain head, any history or any mark, so a chain deleted with its head still shows by its marks. */
    public List<Long> pupilsWithRecords(long schoolId) {
        return jdbc.prepareStatement("SELECT pupil_id FROM pupil_chain_head WHERE school_id = ? UNION SELECT DISTINCT pupil_id FROM mark_history "
                + "WHERE school_id = ? UNION SELECT DISTINCT pupil_id FROM mark WHERE school_id = ? ORDER BY 1", ps -> {
                    ps.setLong(1, schoolId);
                    ps.setLong(2, schoolId);
                    ps.setLong(3, schoolId);
                    List<Long> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                });
    }

    /** Each pupil's last history entry (its sequence number and link), for the daily seal; read from the history itself. */
    public List<ChainHead> lastEntriesOfSchool(long schoolId) {
        return jdbc.prepareStatement("SELECT h.pupil_id, h.school_id, h.seq, h.hash FROM mark_history h JOIN (SELECT pupil_id, MAX(seq) AS seq "
                + "FROM mark_history WHERE school_id = ? GROUP BY pupil_id) m ON m.pupil_id = h.pupil_id AND m.seq = h.seq ORDER BY h.pupil_id", ps -> {
                    ps.setLong(1, schoolId);
                    List<ChainHead> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new ChainHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                        }
                    }
                    return out;
                });
    }

    /** Adds each row's tally to the pupil's academic year (creating it), in one batch. */
    public void addToYears(Map<String, Tally> deltasByPupilSchoolYear) {
        if (deltasByPupilSchoolYear.isEmpty()) {
            return;
        }
        RowInserts.insert(jdbc, "INSERT INTO attendance_year (pupil_id, academic_year, school_id, sessions, possible, present, approved_activity, authorised, "
                + "unauthorised, late_l, late_u, minutes_late, penalty_sessions)", 13, "ON DUPLICATE KEY UPDATE " + SUMS, List.copyOf(deltasByPupilSchoolYear.entrySet()),
                (v, e) -> {
                    String[] k = e.getKey().split("\\|");
                    tally(v.add(Long.parseLong(k[0])).add(k[2]).add(Long.parseLong(k[1])), e.getValue());
                });
    }

    public Map<Long, Tally> yearTotals(Collection<Long> schoolIds, String academicYear) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT pupil_id, sessions, possible, present, approved_activity, authorised, unauthorised, late_l, late_u, minutes_late, penalty_sessions "
                + "FROM attendance_year WHERE school_id IN (" + marks(schoolIds.size()) + ") AND academic_year = ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Long id : schoolIds) {
                ps.setLong(i++, id);
            }
            ps.setString(i, academicYear);
            Map<Long, Tally> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Tally(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                            rs.getInt(9), rs.getInt(10), rs.getInt(11)));
                }
            }
            return out;
        });
    }

    private static final String SUMS = "sessions = sessions + VALUES(sessions), possible = possible + VALUES(possible), present = present + VALUES(present), "
            + "approved_activity = approved_activity + VALUES(approved_activity), authorised = authorised + VALUES(authorised), "
            + "unauthorised = unauthorised + VALUES(unauthorised), late_l = late_l + VALUES(late_l), late_u = late_u + VALUES(late_u), "
            + "minutes_late = minutes_late + VALUES(minutes_late), penalty_sessions = penalty_sessions + VALUES(penalty_sessions)";

    private static void tally(RowInserts.Values v, Tally t) throws SQLException {
        v.add(t.sessions()).add(t.possible()).add(t.present()).add(t.approvedActivity()).add(t.authorised()).add(t.unauthorised()).add(t.lateL())
                .add(t.lateU()).add(t.minutesLate()).add(t.penaltySessions());
    }

    /** Adds each row's tally to the stored week (creating it), in one batch. */
    public void addToWeeks(Collection<WeekRow> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        RowInserts.insert(jdbc, "INSERT INTO attendance_week (pupil_id, week_start, school_id, sessions, possible, present, approved_activity, authorised, "
                + "unauthorised, late_l, late_u, minutes_late, penalty_sessions)", 13, "ON DUPLICATE KEY UPDATE " + SUMS, List.copyOf(deltas),
                (v, w) -> tally(v.add(w.pupilId()).add(w.weekStart()).add(w.schoolId()), w.tally()));
    }

    /** Per-pupil sums of whole weeks starting in [fromWeek, toWeek], for the given schools. */
    public Map<Long, Tally> weekTotals(Collection<Long> schoolIds, LocalDate fromWeek, LocalDate toWeek) {
        if (schoolIds.isEmpty() || toWeek.isBefore(fromWeek)) {
            return Map.of();
        }
        String sql = "SELECT pupil_id, SUM(sessions), SUM(possible), SUM(present), SUM(approved_activity), SUM(authorised), SUM(unauthorised), "
                + "SUM(late_l), SUM(late_u), SUM(minutes_late), SUM(penalty_sessions) FROM attendance_week WHERE school_id IN (" + marks(schoolIds.size())
                + ") AND week_start BETWEEN ? AND ? GROUP BY pupil_id";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Long id : schoolIds) {
                ps.setLong(i++, id);
            }
            ps.setDate(i++, Date.valueOf(fromWeek));
            ps.setDate(i, Date.valueOf(toWeek));
            Map<Long, Tally> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Tally(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                            rs.getInt(9), rs.getInt(10), rs.getInt(11)));
                }
            }
            return out;
        });
    }

    /**
     * Each pupil's stored week tallies for weeks starting in [fromWeek, toWeek] at one school, one row per pupil and week;
     * {@code pupilIds} null for every pupil (a whole school's chart), else only these.
     */
    public List<WeekRow> weeks(long schoolId, Collection<Long> pupilIds, LocalDate fromWeek, LocalDate toWeek) {
        if (toWeek.isBefore(fromWeek) || (pupilIds != null && pupilIds.isEmpty())) {
            return List.of();
        }
        String sql = "SELECT pupil_id, week_start, sessions, possible, present, approved_activity, authorised, unauthorised, late_l, late_u, minutes_late, "
                + "penalty_sessions FROM attendance_week WHERE school_id = ? AND week_start BETWEEN ? AND ?"
                + (pupilIds == null ? "" : " AND pupil_id IN (" + marks(pupilIds.size()) + ")");
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, schoolId);
            ps.setDate(2, Date.valueOf(fromWeek));
            ps.setDate(3, Date.valueOf(toWeek));
            if (pupilIds != null) {
                int i = 4;
                for (Long id : pupilIds) {
                    ps.setLong(i++, id);
                }
            }
            List<WeekRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WeekRow(rs.getLong(1), rs.getDate(2).toLocalDate(), schoolId, new Tally(rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12))));
                }
            }
            return out;
        });
    }

    /** Per-pupil weeks (start, sessions, penalty sessions) up to a week, newest first: the penalty-notice monitor's input. */
    public Map<Long, List<long[]>> penaltyWeeks(Collection<Long> schoolIds, LocalDate fromWeek, LocalDate toWeek) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT pupil_id, week_start, sessions, penalty_sessions FROM attendance_week WHERE school_id IN (" + marks(schoolIds.size())
                + ") AND week_start BETWEEN ? AND ? AND sessions > 0";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Long id : schoolIds) {
                ps.setLong(i++, id);
            }
            ps.setDate(i++, Date.valueOf(fromWeek));
            ps.setDate(i, Date.valueOf(toWeek));
            Map<Long, List<long[]>> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new long[] {rs.getDate(2).toLocalDate().toEpochDay(), rs.getInt(3), rs.getInt(4)});
                }
            }
            return out;
        });
    }

    /** Raw marks grouped by pupil and code over a few days (the partial weeks at a window's edges). */
    public record CodeCount(long pupilId, String code, LocalDate anyDate, int count, int minutesLate) {}

    public List<CodeCount> codeCounts(Collection<Long> schoolIds, LocalDate from, LocalDate to) {
        if (schoolIds.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        // grouped by the 2024 change too, so a code keeps the meaning it had on its date
        String sql = "SELECT pupil_id, code, MIN(mark_date), COUNT(*), SUM(minutes_late) FROM mark WHERE school_id IN (" + marks(schoolIds.size())
                + ") AND mark_date BETWEEN ? AND ? GROUP BY pupil_id, code, mark_date >= ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Long id : schoolIds) {
                ps.setLong(i++, id);
            }
            ps.setDate(i++, Date.valueOf(from));
            ps.setDate(i++, Date.valueOf(to));
            ps.setDate(i, Date.valueOf(CodeCatalogue.CODES_2024));
            List<CodeCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CodeCount(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4), rs.getInt(5)));
                }
            }
            return out;
        });
    }

    /** Sessions per weekday per pupil with the number missed (absent and possible), for day-of-week patterns. */
    public List<MarkRow> marksOfPupils(Collection<Long> pupilIds, LocalDate from, LocalDate to) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + MARK_COLUMNS + " FROM mark WHERE pupil_id IN (" + marks(pupilIds.size()) + ") AND mark_date BETWEEN ? AND ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (Long id : pupilIds) {
                ps.setLong(i++, id);
            }
            ps.setDate(i++, Date.valueOf(from));
            ps.setDate(i, Date.valueOf(to));
            return readMarks(ps);
        });
    }


    private static List<MarkRow> readMarks(PreparedStatement ps) throws SQLException {
        List<MarkRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Time arrived = rs.getTime(9);
                out.add(new MarkRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDate(5).toLocalDate(), rs.getString(6),
                        rs.getString(7), rs.getInt(8), arrived == null ? null : arrived.toLocalTime(), rs.getString(10), rs.getInt(11),
                        rs.getString(12), rs.getTimestamp(13).toInstant()));
            }
        }
        return out;
    }

    private static List<HistoryRow> readHistory(PreparedStatement ps) throws SQLException {
        List<HistoryRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HistoryRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
                        rs.getString(13), rs.getString(14), rs.getString(15)));
            }
        }
        return out;
    }

    private static void setTime(PreparedStatement ps, int index, java.time.LocalTime time) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.TIME);
        } else {
            ps.setTime(index, Time.valueOf(time));
        }
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

}
