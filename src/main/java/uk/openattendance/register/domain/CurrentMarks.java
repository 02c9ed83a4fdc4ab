package uk.openattendance.register.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The current marks must be what the history says they are: every mark is the new value of the latest history entry
 * for its pupil, date and session. A mark changed in place (not through an amendment) or with no history at all is
 * the kind of change the chain alone cannot see.
 */
public final class CurrentMarks {
    private CurrentMarks() {}

    /** A current mark as stored. */
    public record Mark(long pupilId, String date, String session, String code, int minutesLate) {}

    /** A current mark that disagrees with its history (or a history whose mark is gone). */
    public record Mismatch(long pupilId, String date, String session, String problem) {}

    /** Compares the marks with the history of the same pupils; the result is ordered by pupil, date and session. */
    public static List<Mismatch> compare(List<Mark> marks, List<HistoryChain.Entry> history) {
        Map<String, HistoryChain.Entry> latest = new HashMap<>();
        for (HistoryChain.Entry e : history) {
            latest.merge(key(e.pupilId(), e.date(), e.session()), e, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        List<Mismatch> out = new ArrayList<>();
        for (Mark m : marks) {
            HistoryChain.Entry e = latest.remove(key(m.pupilId(), m.date(), m.session()));
            if (e == null) {
                out.add(new Mismatch(m.pupilId(), m.date(), m.session(), "the mark " + m.code() + " has no history entry"));
                continue;
            }
            List<String> differs = new ArrayList<>();
            if (!Objects.equals(m.code(), e.newCode())) {
                differs.add("code is " + m.code() + " but the history says " + e.newCode() + " (entry " + e.seq() + ")");
            }
            if (m.minutesLate() != e.newMinutesLate()) {
                differs.add("minutes late is " + m.minutesLate() + " but the history says " + e.newMinutesLate() + " (entry " + e.seq() + ")");
            }
            if (!differs.isEmpty()) {
                out.add(new Mismatch(m.pupilId(), m.date(), m.session(), String.join("; ", differs)));
            }
        }
        for (HistoryChain.Entry e : latest.values()) {
            out.add(new Mismatch(e.pupilId(), e.date(), e.session(), "the history records " + e.newCode() + " (entry " + e.seq() + ") but there is no current mark"));
        }
        out.sort(Comparator.comparingLong(Mismatch::pupilId).thenComparing(Mismatch::date).thenComparing(Mismatch::session));
        return out;
    }

    private static String key(long pupilId, String date, String session) {
        return pupilId + "|" + date + "|" + session;
    }
}
