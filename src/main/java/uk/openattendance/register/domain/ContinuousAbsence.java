package uk.openattendance.register.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs of consecutive school days on which a pupil missed every session for one kind of reason: the shape behind
 * medical-evidence requests (the 5th day of illness) and the local authority's 10 days of continuous unauthorised
 * absence. Holidays and closures do not break a run; a day in school does.
 */
public final class ContinuousAbsence {
    private ContinuousAbsence() {}

    public record Run(LocalDate first, LocalDate last, int schoolDays, List<LocalDate> days) {
        /** The school day on which the run reached {@code n} days. */
        public LocalDate dayReaching(int n) {
            return days.get(n - 1);
        }
    }

    /**
     * @param schoolDays the school's open days in order
     * @param absentSessions per date, how many of its sessions were marked with one of the codes in question
     * @param minDays the shortest run worth reporting
     */
    public static List<Run> runs(List<LocalDate> schoolDays, Map<LocalDate, ? extends Number> absentSessions, int minDays) {
        List<Run> runs = new ArrayList<>();
        List<LocalDate> current = new ArrayList<>();
        for (LocalDate day : schoolDays) {
            Number sessions = absentSessions.get(day);
            if (sessions != null && sessions.intValue() >= 2) {
                current.add(day);
            } else {
                close(current, minDays, runs);
                current = new ArrayList<>();
            }
        }
        close(current, minDays, runs);
        return runs;
    }

    private static void close(List<LocalDate> current, int minDays, List<Run> runs) {
        if (current.size() >= minDays) {
            runs.add(new Run(current.get(0), current.get(current.size() - 1), current.size(), List.copyOf(current)));
        }
    }
}
