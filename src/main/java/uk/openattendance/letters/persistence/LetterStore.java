package uk.openattendance.letters.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.openattendance.letters.domain.LadderMemory;
import uk.openattendance.letters.domain.LadderState;
import uk.openattendance.letters.domain.LetterSent;
import uk.openattendance.letters.domain.LetterStatus;
import uk.openattendance.platform.db.RowMapper;
import uk.openattendance.platform.db.Sql;

/**
 * Letters and the ladder in plain JDBC: drafts written many at once, status moves guarded by the status they leave, and
 * the ladder's per-school lock. Templates, translations and exceptions are plain rows in their own repositories.
 */
@Singleton
@Connectable
public class LetterStore {
    private static final RowMapper<LetterRow> LETTER = rs -> new LetterRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"),
            rs.getString("kind"), rs.getString("trigger_key"), LetterStatus.valueOf(rs.getString("status")), rs.getString("subject"),
            rs.getString("body_html"), rs.getString("facts"), Sql.date(rs, "as_of"), rs.getString("drafted_by"), Sql.instant(rs, "drafted_at"),
            rs.getString("edited_by"), Sql.instant(rs, "edited_at"), rs.getString("approved_by"), Sql.instant(rs, "approved_at"),
            rs.getString("delivered_by"), Sql.instant(rs, "delivered_at"), rs.getString("delivery"), rs.getString("suppressed_reason"),
            rs.getLong("version"));

    private final Sql sql;

    public LetterStore(JdbcOperations jdbc) {
        this.sql = Sql.on(jdbc);
    }

    /** Inserts drafts; a letter whose trigger was already written about is skipped. Returns how many were new. */
    public int insertAll(List<LetterRow> letters) {
        int n = 0;
        for (int r : sql.updateEach("INSERT IGNORE INTO letter (school_id, pupil_id, kind, trigger_key, status, subject, body_html, facts, as_of, drafted_by, "
                + "drafted_at, suppressed_reason) VALUES (:school, :pupil, :kind, :trigger, :status, :subject, :body, :facts, :asOf, :by, :at, :suppressed)",
                letters, l -> Sql.params("school", l.schoolId()).and("pupil", l.pupilId()).and("kind", l.kind()).and("trigger", l.triggerKey())
                        .and("status", l.status()).and("subject", l.subject()).and("body", l.bodyHtml()).and("facts", l.facts()).and("asOf", l.asOf())
                        .and("by", l.draftedBy()).and("at", l.draftedAt()).and("suppressed", l.suppressedReason()))) {
            n += r > 0 || r == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return n;
    }

    public Optional<LetterRow> byTrigger(long schoolId, long pupilId, String triggerKey) {
        return sql.query("SELECT * FROM letter WHERE school_id = :school AND pupil_id = :pupil AND trigger_key = :trigger",
                Sql.params("school", schoolId).and("pupil", pupilId).and("trigger", triggerKey)).optional(LETTER);
    }

    /** Every letter already drafted for the school's pupils (whatever became of it), per pupil, oldest first. */
    public Map<Long, List<LetterSent>> lettersOfSchool(long schoolId) {
        Map<Long, List<LetterSent>> out = new HashMap<>();
        sql.query("SELECT pupil_id, kind, trigger_key, as_of, status FROM letter WHERE school_id = :school ORDER BY id", Sql.params("school", schoolId))
                .list(rs -> Map.entry(rs.getLong("pupil_id"), new LetterSent(rs.getString("kind"), rs.getString("trigger_key"), Sql.date(rs, "as_of"),
                        rs.getString("status"))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    public Optional<LetterRow> byId(long schoolId, long id) {
        return sql.query("SELECT * FROM letter WHERE school_id = :school AND id = :id", Sql.params("school", schoolId).and("id", id)).optional(LETTER);
    }

    public Optional<LetterRow> byIdAnySchool(long id) {
        return sql.query("SELECT * FROM letter WHERE id = :id", Sql.params("id", id)).optional(LETTER);
    }

    public List<LetterRow> byIds(long schoolId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT * FROM letter WHERE school_id = :school AND id IN (:ids) ORDER BY id", Sql.params("school", schoolId).and("ids", ids))
                .list(LETTER);
    }

    /** The school's letters, newest first; {@code status} as the caller named it (null for any), so an unknown one lists none. */
    public List<LetterRow> ofSchool(long schoolId, String status, int limit) {
        return sql.query("SELECT * FROM letter WHERE school_id = :school AND (:status IS NULL OR status = :status) ORDER BY id DESC LIMIT :limit",
                Sql.params("school", schoolId).and("status", status).and("limit", limit)).list(LETTER);
    }

    public List<LetterRow> ofPupil(long pupilId) {
        return sql.query("SELECT * FROM letter WHERE pupil_id = :pupil ORDER BY id DESC LIMIT 500", Sql.params("pupil", pupilId)).list(LETTER);
    }

    public boolean edit(long id, long version, String subject, String body, String by, Instant at) {
        return sql.update("UPDATE letter SET subject = :subject, body_html = :body, edited_by = :by, edited_at = :at, version = version + 1 WHERE id = :id "
                + "AND version = :version AND status = :draft", Sql.params("subject", subject).and("body", body).and("by", by).and("at", at).and("id", id)
                        .and("version", version).and("draft", LetterStatus.DRAFT)) == 1;
    }

    /** Moves letters from one status to another; only those still in {@code from} move. */
    public int transition(long schoolId, Collection<Long> ids, LetterStatus from, LetterStatus to, String by, Instant at, boolean approval) {
        if (ids.isEmpty()) {
            return 0;
        }
        String who = approval ? "approved_by = :by, approved_at = :at" : "delivered_by = :by, delivered_at = :at";
        return sql.update("UPDATE letter SET status = :to, " + who + ", version = version + 1 WHERE school_id = :school AND status = :from AND id IN (:ids)",
                Sql.params("to", to).and("by", by).and("at", at).and("school", schoolId).and("from", from).and("ids", ids));
    }

    /** Marks approved letters as gone to the family ({@code status} SENT by email, PRINTED for post); others are left as they are. */
    public int markDelivered(long schoolId, Collection<Long> ids, String delivery, LetterStatus status, String by, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql.update("UPDATE letter SET status = :status, delivery = :delivery, delivered_by = :by, delivered_at = :at, version = version + 1 "
                + "WHERE school_id = :school AND status = :approved AND id IN (:ids)", Sql.params("status", status).and("delivery", delivery).and("by", by)
                        .and("at", at).and("school", schoolId).and("approved", LetterStatus.APPROVED).and("ids", ids));
    }

    /** Each pupil's place on the ladder this year, with the run that set it; pupils never stepped are absent. */
    public Map<Long, LadderMemory> ladders(Collection<Long> pupilIds, String academicYear) {
        Map<Long, LadderMemory> out = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return out;
        }
        sql.query("SELECT pupil_id, current_level, last_sent_level, same_level_run, crossings, stepped_on, before_current_level, "
                + "before_last_sent_level, before_same_level_run, before_crossings FROM letter_ladder WHERE academic_year = :year AND pupil_id IN (:pupils)",
                Sql.params("year", academicYear).and("pupils", pupilIds))
                .list(rs -> Map.entry(rs.getLong("pupil_id"), new LadderMemory(new LadderState(rs.getString("current_level"), rs.getString("last_sent_level"),
                        rs.getInt("same_level_run"), rs.getInt("crossings")), Sql.date(rs, "stepped_on"), new LadderState(rs.getString("before_current_level"),
                        rs.getString("before_last_sent_level"), rs.getInt("before_same_level_run"), rs.getInt("before_crossings")))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Locks the school's ladder for this transaction and says the latest date it was stepped to this year (null if
     * never), moving it to {@code asOf} when that is later.
     */
    public LocalDate lockLadder(long schoolId, String academicYear, LocalDate asOf) {
        Sql.Params run = Sql.params("school", schoolId).and("year", academicYear);
        sql.update("INSERT IGNORE INTO letter_ladder_run (school_id, academic_year, latest_as_of) VALUES (:school, :year, :never)",
                Sql.params("school", schoolId).and("year", academicYear).and("never", LocalDate.of(1970, 1, 1)));
        LocalDate latest = sql.query("SELECT latest_as_of FROM letter_ladder_run WHERE school_id = :school AND academic_year = :year FOR UPDATE", run)
                .optional(rs -> Sql.date(rs, "latest_as_of")).orElseThrow();
        if (asOf.isAfter(latest)) {
            sql.update("UPDATE letter_ladder_run SET latest_as_of = :asOf WHERE school_id = :school AND academic_year = :year", run.and("asOf", asOf));
        }
        return latest.getYear() == 1970 ? null : latest;
    }

    public void saveLadders(Map<Long, LadderMemory> states, String academicYear) {
        if (states.isEmpty()) {
            return;
        }
        sql.updateEach("INSERT INTO letter_ladder (pupil_id, academic_year, current_level, last_sent_level, same_level_run, crossings, stepped_on, "
                + "before_current_level, before_last_sent_level, before_same_level_run, before_crossings) VALUES (:pupil, :year, :current, :lastSent, :run, "
                + ":crossings, :steppedOn, :beforeCurrent, :beforeLastSent, :beforeRun, :beforeCrossings) "
                + "ON DUPLICATE KEY UPDATE current_level = VALUES(current_level), last_sent_level = VALUES(last_sent_level), "
                + "same_level_run = VALUES(same_level_run), crossings = VALUES(crossings), stepped_on = VALUES(stepped_on), "
                + "before_current_level = VALUES(before_current_level), before_last_sent_level = VALUES(before_last_sent_level), "
                + "before_same_level_run = VALUES(before_same_level_run), before_crossings = VALUES(before_crossings)", List.copyOf(states.entrySet()), e -> {
                    LadderState s = e.getValue().state();
                    LadderState b = e.getValue().before();
                    return Sql.params("pupil", e.getKey()).and("year", academicYear).and("current", s.currentLevel()).and("lastSent", s.lastSentLevel())
                            .and("run", s.sameLevelRun()).and("crossings", s.crossings()).and("steppedOn", e.getValue().steppedOn())
                            .and("beforeCurrent", b.currentLevel()).and("beforeLastSent", b.lastSentLevel()).and("beforeRun", b.sameLevelRun())
                            .and("beforeCrossings", b.crossings());
                });
    }
}
