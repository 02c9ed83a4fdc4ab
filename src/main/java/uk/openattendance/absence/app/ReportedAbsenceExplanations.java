package uk.openattendance.absence.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.openattendance.absence.persistence.AbsenceReportRow;
import uk.openattendance.absence.persistence.AbsenceReportStore;
import uk.openattendance.register.app.PendingExplanations;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.school.domain.Session;

/**
 * A family that reported before the register did everything right: an N the teacher enters for a session their report
 * covers (under the school's report-each-day rule) becomes the report's code at once, with the report as the reason.
 */
@Singleton
class ReportedAbsenceExplanations implements PendingExplanations {
    // the store, not AbsenceService: the mark writer reaches this bean, and AbsenceService writes marks
    private final AbsenceReportStore store;
    private final SchoolDay schoolDay;

    ReportedAbsenceExplanations(AbsenceReportStore store, SchoolDay schoolDay) {
        this.store = store;
        this.schoolDay = schoolDay;
    }

    @Override
    public List<Explanation> explaining(long schoolId, List<Written> ns) {
        LocalDate from = ns.stream().map(Written::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = ns.stream().map(Written::date).max(Comparator.naturalOrder()).orElseThrow();
        List<AbsenceReportRow> reports = store.touching(schoolId, from, to).stream().filter(r -> r.suggestedCode() != null).toList();
        if (reports.isEmpty()) {
            return List.of();
        }
        boolean eachDay = schoolDay.policy(schoolId).firstDay().reportEachDay();
        ZoneId zone = schoolDay.of(schoolId).zone();
        List<Explanation> out = new ArrayList<>();
        for (Written n : ns) {
            Session session = Session.valueOf(n.session());
            // the first report on file wins, as it does when the register is pre-coded
            Optional<AbsenceReportRow> report = reports.stream().filter(r -> r.pupilId() == n.pupilId())
                    .filter(r -> AbsenceService.span(r).explains(n.date(), session, eachDay, r.recordedAt().atZone(zone).toLocalDate())).findFirst();
            report.ifPresent(r -> out.add(new Explanation(n.pupilId(), n.date(), n.session(), r.suggestedCode(), reason(r),
                    "System: absence report #" + r.id())));
        }
        return out;
    }

    static String reason(AbsenceReportRow r) {
        String text = r.reason().length() > 200 ? r.reason().substring(0, 199) + "…" : r.reason();
        return "Absence report #" + r.id() + " (" + r.channel().toLowerCase().replace('_', ' ') + "): " + text;
    }
}
