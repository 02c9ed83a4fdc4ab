package uk.openattendance.absence.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.absence.persistence.AbsenceReportRow;
import uk.openattendance.absence.persistence.AbsenceReportStore;
import uk.openattendance.register.app.PlannedMarks;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.school.domain.Session;

/** Reported absences pre-code the register (I, M, R) when the teacher leaves the child unmarked. */
@Singleton
class ReportedAbsencePlannedMarks implements PlannedMarks {
    // the store, not AbsenceService: the register reaches this bean, and AbsenceService reads the register
    private final AbsenceReportStore store;
    private final SchoolDay schoolDay;

    ReportedAbsencePlannedMarks(AbsenceReportStore store, SchoolDay schoolDay) {
        this.store = store;
        this.schoolDay = schoolDay;
    }

    @Override
    public List<Planned> plannedFor(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds) {
        Set<Long> wanted = new HashSet<>(pupilIds);
        return planned(schoolId, date, session, store.touching(schoolId, date, date).stream().filter(r -> wanted.contains(r.pupilId())).toList());
    }

    @Override
    public Optional<Read<?>> read(long schoolId, LocalDate date, Session session, Collection<Long> pupilIds) {
        return Optional.of(new Read<>(AbsenceReportStore.touchingPart(schoolId, date, pupilIds), rows -> planned(schoolId, date, session, rows)));
    }

    private List<Planned> planned(long schoolId, LocalDate date, Session session, List<AbsenceReportRow> reports) {
        boolean eachDay = schoolDay.policy(schoolId).firstDay().reportEachDay();
        ZoneId zone = schoolDay.of(schoolId).zone();
        return reports.stream().filter(r -> r.suggestedCode() != null)
                .filter(r -> AbsenceService.span(r).explains(date, session, eachDay, r.recordedAt().atZone(zone).toLocalDate()))
                .map((AbsenceReportRow r) -> new Planned(r.pupilId(), r.suggestedCode(), "Reported by family (" + r.category().toLowerCase().replace('_', ' ')
                        + "): " + r.reason()))
                .toList();
    }
}
