package uk.openattendance.letters.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import uk.openattendance.register.domain.ContinuousAbsence;

/**
 * When a school asks a family for medical evidence of illness: after so many sessions of illness in a term (or, if the
 * term's limit is not reached, in the year), and on the nth school day of illness in a row. Each rule is off when null.
 */
public record MedicalEvidence(Integer sessionsInTerm, Integer sessionsInYear, Integer consecutiveDays) {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A request for evidence: the trigger it answers (written about once), the illness sessions counted, and over what. */
    public record Request(String triggerKey, long sessions, String window) {}

    public boolean any() {
        return sessionsInTerm != null || sessionsInYear != null || consecutiveDays != null;
    }

    /**
     * @param illnessSessions one date per session of illness this school year, up to asOf
     * @param recentSchoolDays the school's open days over the last weeks to asOf, for the run of days in a row
     */
    public List<Request> requests(List<LocalDate> illnessSessions, String year, String termName, LocalDate termStart, List<LocalDate> recentSchoolDays) {
        List<Request> out = new ArrayList<>();
        long inTerm = illnessSessions.stream().filter(d -> !d.isBefore(termStart)).count();
        if (sessionsInTerm != null && inTerm >= sessionsInTerm) {
            out.add(new Request("MEDICAL_TERM:" + year + ":" + termName, inTerm, "this term (since " + LONG_DATE.format(termStart) + ")"));
        } else if (sessionsInYear != null && illnessSessions.size() >= sessionsInYear) {
            out.add(new Request("MEDICAL_YEAR:" + year, illnessSessions.size(), "this school year"));
        }
        if (consecutiveDays != null) {
            Map<LocalDate, Long> byDay = illnessSessions.stream().collect(Collectors.groupingBy(d -> d, Collectors.counting()));
            ContinuousAbsence.runs(recentSchoolDays, byDay, consecutiveDays).stream().findFirst().ifPresent(run -> out.add(new Request(
                    "ILLNESS_RUN:" + run.first(), consecutiveDays * 2L, "in a row, on " + consecutiveDays + " consecutive school days from "
                    + LONG_DATE.format(run.first()))));
        }
        return out;
    }
}
