package uk.openattendance.followup.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.followup.domain.Occasions;
import uk.openattendance.followup.domain.UntakenRegisters;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * A register not taken by its close is itself something the office must act on: after the last group's close each
 * session, the job lists the groups still unmarked (the list is also {@code GET .../registers/untaken}) and emails the
 * school's office address, once per session, through the outbox.
 */
@Factory
class UntakenRegisterAlerts {
    private final MissingRegisters missing;
    private final SchoolDay schoolDay;
    private final SchoolService schools;
    private final Outbox outbox;

    UntakenRegisterAlerts(MissingRegisters missing, SchoolDay schoolDay, SchoolService schools, Outbox outbox) {
        this.missing = missing;
        this.schoolDay = schoolDay;
        this.schools = schools;
        this.outbox = outbox;
    }

    @Singleton
    JobHandler untakenRegisters() {
        return new JobHandler() {
            @Override
            public String kind() {
                return "REGISTERS_UNTAKEN";
            }

            @Override
            public Purpose purpose() {
                return Purpose.UNTAKEN_REGISTERS;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                return List.of(Session.values()).stream().flatMap(s -> FirstDayJobs.slots(Occasions.untakenRegisters(s,
                        schoolDay.of(schoolId).groups().values().stream().map(g -> g.timing(s).closesAt()).toList())).stream()).toList();
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return alert(scope, date, Session.valueOf(session));
            }
        };
    }

    String alert(SchoolScope scope, LocalDate date, Session session) {
        List<String> groups = missing.untaken(scope, date, session).stream().map(MissingRegisters.Untaken::describe).toList();
        UntakenRegisters.Decision decision = UntakenRegisters.decide(date, session, groups, groups.isEmpty() ? null : schools.school(scope).email());
        int queued = decision.email().isEmpty() ? 0 : outbox.enqueue(scope, FamilyContacts.requests(scope.schoolId(), date, List.of(decision.email().get())));
        return decision.outcome(session, queued);
    }
}
