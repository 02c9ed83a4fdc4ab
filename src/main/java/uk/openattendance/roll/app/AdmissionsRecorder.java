package uk.openattendance.roll.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.roll.domain.DeletionGround;
import uk.openattendance.roll.domain.LocalAuthorityReturns;
import uk.openattendance.roll.persistence.AdmissionEventRepository;
import uk.openattendance.roll.persistence.AdmissionEventRow;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.security.Actor;
import uk.openattendance.security.SchoolScope;

/** Writes admission-register events and works out when each local-authority return is due. */
@Singleton
class AdmissionsRecorder {
    private final AdmissionEventRepository events;
    private final CalendarService calendars;
    private final Clock clock;

    AdmissionsRecorder(AdmissionEventRepository events, CalendarService calendars, Clock clock) {
        this.events = events;
        this.calendars = calendars;
        this.clock = clock;
    }

    void admitted(SchoolScope scope, long pupilId, LocalDate on) {
        admittedAll(scope, java.util.Map.of(pupilId, on));
    }

    /** Admissions of many pupils at once (an import): the calendar is read once and the events written in one batch. */
    void admittedAll(SchoolScope scope, java.util.Map<Long, LocalDate> admittedOn) {
        if (admittedOn.isEmpty()) {
            return;
        }
        long schoolId = scope.schoolId();
        SchoolCalendar calendar = calendars.calendar(scope);
        java.time.Instant now = clock.instant();
        java.util.List<AdmissionEventRow> rows = new java.util.ArrayList<>();
        admittedOn.forEach((pupilId, on) -> {
            // Until a school enters its calendar, weekdays stand in for school days.
            boolean hasTerm = calendar.termContaining(on).isPresent();
            LocalDate due = LocalAuthorityReturns.admissionDue(on, hasTerm ? calendar::isSchoolDay : LocalAuthorityReturns::isWeekday);
            rows.add(new AdmissionEventRow(null, schoolId, pupilId, "ADMISSION", on, null, due, null, scope.describe(), now));
        });
        events.saveAll(rows);
    }

    void deleted(SchoolScope scope, long pupilId, DeletePupil command) {
        events.save(new AdmissionEventRow(null, scope.schoolId(), pupilId, "DELETION", command.deletedOn(), command.ground().name(),
                LocalAuthorityReturns.deletionDue(command.deletedOn()), command.note(), scope.describe(), clock.instant()));
    }

    List<AdmissionEventView> ofPupil(long pupilId) {
        return events.findByPupilIdOrderById(pupilId).stream().map(AdmissionsRecorder::view).toList();
    }

    List<AdmissionEventView> ofSchool(long schoolId) {
        return events.findBySchoolIdOrderByLaReturnDueOn(schoolId).stream().map(AdmissionsRecorder::view).toList();
    }

    private static AdmissionEventView view(AdmissionEventRow r) {
        return new AdmissionEventView(r.id(), r.pupilId(), r.kind(), r.effectiveOn(), r.ground() == null ? null : DeletionGround.valueOf(r.ground()),
                r.laReturnDueOn(), r.note(), r.recordedBy(), r.recordedAt());
    }
}
