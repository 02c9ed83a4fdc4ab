package uk.openattendance.letters.persistence;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import uk.openattendance.letters.domain.LetterException;
import uk.openattendance.platform.db.Sql;

@Singleton
@Connectable
public class LetterStore {
    private final JdbcOperations jdbc;

    public LetterStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record TemplateRow(String ownerType, long ownerId, String kind, String language, String subject, String body, String updatedBy,
            Instant updatedAt) {}

    /** Inserts drafts; a letter whose trigger was already written about is skipped. Returns the new ids. */
    public int insertAll(List<LetterRow> letters) {
        if (letters.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("INSERT IGNORE INTO letter (school_id, pupil_id, kind, trigger_key, status, subject, body_html, facts, as_of, drafted_by, "
                + "drafted_at, suppressed_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", ps -> {
                    for (LetterRow l : letters) {
                        Sql.bind(ps, l.schoolId(), l.pupilId(), l.kind(), l.triggerKey(), l.status(), l.subject(), l.bodyHtml(), l.facts(), l.asOf(),
                                l.draftedBy(), l.draftedAt(), l.suppressedReason());
                        ps.addBatch();
                    }
                    int n = 0;
                    for (int r : ps.executeBatch()) {
                        n += r > 0 || r == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
                    }
                    return n;
                });
    }

    public Optional<LetterRow> byTrigger(long schoolId, long pupilId, String triggerKey) {
        return jdbc.prepareStatement("SELECT * FROM letter WHERE school_id = ? AND pupil_id = ? AND trigger_key = ?", ps -> {
            Sql.bind(ps, schoolId, pupilId, triggerKey);
            return read(ps).stream().findFirst();
        });
    }

    /** Every letter already drafted for the school's pupils (whatever became of it), per pupil, oldest first. */
    public Map<Long, List<LetterSent>> lettersOfSchool(long schoolId) {
        return jdbc.prepareStatement("SELECT pupil_id, kind, trigger_key, as_of, status FROM letter WHERE school_id = ? ORDER BY id", ps -> {
            Sql.bind(ps, schoolId);
            Map<Long, List<LetterSent>> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LetterSent(rs.getString(2), rs.getString(3), Sql.date(rs, "as_of"),
                            rs.getString(5)));
                }
            }
            return out;
        });
    }

    public Optional<LetterRow> byId(long schoolId, long id) {
        return jdbc.prepareStatement("SELECT * FROM letter WHERE school_id = ? AND id = ?", ps -> {
            Sql.bind(ps, schoolId, id);
            return read(ps).stream().findFirst();
        });
    }

    public Optional<LetterRow> byIdAnySchool(long id) {
        return jdbc.prepareStatement("SELECT * FROM letter WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        });
    }

    public List<LetterRow> byIds(long schoolId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT * FROM letter WHERE school_id = ? AND id IN (" + Sql.ids(ids) + ") ORDER BY id", ps -> {
            ps.setLong(1, schoolId);
            return read(ps);
        });
    }

    public List<LetterRow> ofSchool(long schoolId, String status, int limit) {
        return jdbc.prepareStatement("SELECT * FROM letter WHERE school_id = ? AND (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?", ps -> {
            Sql.bind(ps, schoolId, status, status, limit);
            return read(ps);
        });
    }

    public List<LetterRow> ofPupil(long pupilId) {
        return jdbc.prepareStatement("SELECT * FROM letter WHERE pupil_id = ? ORDER BY id DESC LIMIT 500", ps -> {
            ps.setLong(1, pupilId);
            return read(ps);
        });
    }

    public boolean edit(long id, long version, String subject, String body, String by, Instant at) {
        return jdbc.prepareStatement("UPDATE letter SET subject = ?, body_html = ?, edited_by = ?, edited_at = ?, version = version + 1 WHERE id = ? "
                + "AND version = ? AND status = 'DRAFT'", ps -> {
                    Sql.bind(ps, subject, body, by, at, id, version);
                    return ps.executeUpdate() == 1;
                });
    }

    /** Moves letters from one status to another; only those still in {@code from} move. */
    public int transition(long schoolId, Collection<Long> ids, String from, String to, String by, Instant at, boolean approval) {
        if (ids.isEmpty()) {
            return 0;
        }
        String who = approval ? "approved_by = ?, approved_at = ?" : "delivered_by = ?, delivered_at = ?";
        return jdbc.prepareStatement("UPDATE letter SET status = ?, " + who + ", version = version + 1 WHERE school_id = ? AND status = ? AND id IN ("
                + Sql.ids(ids) + ")", ps -> {
                    Sql.bind(ps, to, by, at, schoolId, from);
                    return ps.executeUpdate();
                });
    }

    public int markDelivered(long schoolId, Collection<Long> ids, String delivery, String status, String by, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("UPDATE letter SET status = ?, delivery = ?, delivered_by = ?, delivered_at = ?, version = version + 1 "
                + "WHERE school_id = ? AND status = 'APPROVED' AND id IN (" + Sql.ids(ids) + ")", ps -> {
                    Sql.bind(ps, status, delivery, by, at, schoolId);
                    return ps.executeUpdate();
                });
    }

    /** Each pupil's place on the ladder this year, with the run that set it; pupils never stepped are absent. */
    public Map<Long, LadderMemory> ladders(Collection<Long> pupilIds, String academicYear) {
        Map<Long, LadderMemory> out = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return out;
        }
        return jdbc.prepareStatement("SELECT pupil_id, current_level, last_sent_level, same_level_run, crossings, stepped_on, before_current_level, "
                + "before_last_sent_level, before_same_level_run, before_crossings FROM letter_ladder WHERE academic_year = ? "
                + "AND pupil_id IN (" + Sql.ids(pupilIds) + ")", ps -> {
                    ps.setString(1, academicYear);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), new LadderMemory(new LadderState(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)),
                                    Sql.date(rs, "stepped_on"), new LadderState(rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10))));
                        }
                    }
                    return out;
                });
    }

    /**
     * Locks the school's ladder for this transaction and says the latest date it was stepped to this year (null if
     * never), moving it to {@code asOf} when that is later.
     */
    public LocalDate lockLadder(long schoolId, String academicYear, LocalDate asOf) {
        jdbc.prepareStatement("INSERT IGNORE INTO letter_ladder_run (school_id, academic_year, latest_as_of) VALUES (?,?,?)", ps -> {
            Sql.bind(ps, schoolId, academicYear, LocalDate.of(1970, 1, 1));
            return ps.executeUpdate();
        });
        LocalDate latest = jdbc.prepareStatement("SELECT latest_as_of FROM letter_ladder_run WHERE school_id = ? AND academic_year = ? FOR UPDATE", ps -> {
            Sql.bind(ps, schoolId, academicYear);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Sql.date(rs, "latest_as_of");
            }
        });
        if (asOf.isAfter(latest)) {
            jdbc.prepareStatement("UPDATE letter_ladder_run SET latest_as_of = ? WHERE school_id = ? AND academic_year = ?", ps -> {
                Sql.bind(ps, asOf, schoolId, academicYear);
                return ps.executeUpdate();
            });
        }
        return latest.getYear() == 1970 ? null : latest;
    }

    public void saveLadders(Map<Long, LadderMemory> states, String academicYear) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO letter_ladder (pupil_id, academic_year, current_level, last_sent_level, same_level_run, crossings, stepped_on, "
                + "before_current_level, before_last_sent_level, before_same_level_run, before_crossings) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                + "ON DUPLICATE KEY UPDATE current_level = VALUES(current_level), last_sent_level = VALUES(last_sent_level), "
                + "same_level_run = VALUES(same_level_run), crossings = VALUES(crossings), stepped_on = VALUES(stepped_on), "
                + "before_current_level = VALUES(before_current_level), before_last_sent_level = VALUES(before_last_sent_level), "
                + "before_same_level_run = VALUES(before_same_level_run), before_crossings = VALUES(before_crossings)", ps -> {
                    for (Map.Entry<Long, LadderMemory> e : states.entrySet()) {
                        LadderState s = e.getValue().state();
                        LadderState b = e.getValue().before();
                        Sql.bind(ps, e.getKey(), academicYear, s.currentLevel(), s.lastSentLevel(), s.sameLevelRun(), s.crossings(), e.getValue().steppedOn(),
                                b.currentLevel(), b.lastSentLevel(), b.sameLevelRun(), b.crossings());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    return null;
                });
    }

    /** The school's and its trust's letter templates, in every language they wrote one in. */
    public List<TemplateRow> templates(long schoolId, long trustId) {
        return jdbc.prepareStatement("SELECT owner_type, owner_id, kind, language, subject, body, updated_by, updated_at FROM letter_template WHERE "
                + "(owner_type = 'SCHOOL' AND owner_id = ?) OR (owner_type = 'TRUST' AND owner_id = ?)", ps -> {
                    Sql.bind(ps, schoolId, trustId);
                    List<TemplateRow> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new TemplateRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                    rs.getString(7), Sql.instant(rs, "updated_at")));
                        }
                    }
                    return out;
                });
    }

    public void saveTemplate(String ownerType, long ownerId, String kind, String language, String subject, String body, String by, Instant at) {
        jdbc.prepareStatement("INSERT INTO letter_template (owner_type, owner_id, kind, language, subject, body, updated_by, updated_at) "
                + "VALUES (?,?,?,?,?,?,?,?) "
                + "ON DUPLICATE KEY UPDATE subject = VALUES(subject), body = VALUES(body), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)",
                ps -> {
                    Sql.bind(ps, ownerType, ownerId, kind, language, subject, body, by, at);
                    return ps.executeUpdate();
                });
    }

    public record TranslationRow(String subject, String bodyHtml) {}

    /** Keeps a letter as sent in one language; the first rendering stands, so every copy in that language says the same. */
    public void saveTranslation(long letterId, String language, String subject, String bodyHtml, Instant at) {
        jdbc.prepareStatement("INSERT IGNORE INTO letter_translation (letter_id, language, subject, body_html, made_at) VALUES (?,?,?,?,?)", ps -> {
            Sql.bind(ps, letterId, language, subject, bodyHtml, at);
            return ps.executeUpdate();
        });
    }

    public java.util.Optional<TranslationRow> translation(long letterId, String language) {
        return jdbc.prepareStatement("SELECT subject, body_html FROM letter_translation WHERE letter_id = ? AND language = ?", ps -> {
            Sql.bind(ps, letterId, language);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new TranslationRow(rs.getString(1), rs.getString(2))) : java.util.Optional.<TranslationRow>empty();
            }
        });
    }

    public long insertException(long schoolId, long pupilId, String kind, String reason, LocalDate from, LocalDate to, String by, Instant at) {
        return Sql.insert(jdbc, "INSERT INTO letter_exception (school_id, pupil_id, kind, reason, from_date, to_date, recorded_by, recorded_at) "
                + "VALUES (?,?,?,?,?,?,?,?)", schoolId, pupilId, kind, reason, from, to, by, at);
    }

    public List<LetterException> exceptions(long schoolId) {
        return jdbc.prepareStatement("SELECT id, school_id, pupil_id, kind, reason, from_date, to_date, recorded_by, recorded_at FROM letter_exception "
                + "WHERE school_id = ? ORDER BY id", ps -> {
                    ps.setLong(1, schoolId);
                    List<LetterException> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new LetterException(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), Sql.date(rs, "from_date"),
                                    Sql.date(rs, "to_date"), rs.getString(8), Sql.instant(rs, "recorded_at")));
                        }
                    }
                    return out;
                });
    }

    private static List<LetterRow> read(PreparedStatement ps) throws SQLException {
        List<LetterRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LetterRow(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("pupil_id"), rs.getString("kind"), rs.getString("trigger_key"),
                        rs.getString("status"), rs.getString("subject"), rs.getString("body_html"), rs.getString("facts"), Sql.date(rs, "as_of"),
                        rs.getString("drafted_by"), Sql.instant(rs, "drafted_at"), rs.getString("edited_by"), Sql.instant(rs, "edited_at"),
                        rs.getString("approved_by"), Sql.instant(rs, "approved_at"), rs.getString("delivered_by"), Sql.instant(rs, "delivered_at"),
                        rs.getString("delivery"), rs.getString("suppressed_reason"), rs.getLong("version")));
            }
        }
        return out;
    }
}
