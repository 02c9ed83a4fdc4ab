package uk.openattendance.followup.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.school.app.RegisterGroupView;
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
    static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

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
                return List.of(Session.values()).stream().flatMap(s -> schoolDay.of(schoolId).groups().values().stream()
                        .map((RegisterGroupView g) -> g.timing(s).closesAt()).max(LocalTime::compareTo)
                        .filter(close -> close.isBefore(END_OF_DAY.minusMinutes(5)))
                        .map(close -> new Slot(s.name(), close.plusMinutes(5), END_OF_DAY, "the end of the school day")).stream()).toList();
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return alert(scope, date, Session.valueOf(session));
            }
        };
    }

    String alert(SchoolScope scope, LocalDate date, Session session) {
        List<MissingRegisters.Untaken> untaken = missing.untaken(scope, date, session);
        if (untaken.isEmpty()) {
            return "Every " + session + " register was taken by its close.";
        }
        String groups = untaken.stream().map(MissingRegisters.Untaken::describe).collect(Collectors.joining(", "));
        String office = schools.school(scope).email();
        if (office == null || office.isBlank()) {
            return untaken.size() + " register(s) not taken: " + groups + "; no office email in the school's settings (listed under registers/untaken)";
        }
        int queued = outbox.enqueue(scope, List.of(new Outbox.Request(scope.schoolId(), MessagePurpose.REGISTER_NOT_TAKEN, date + ":" + session, Outbox.URGENT,
                new Recipients.Plan(new Recipients.Target(0, Channel.EMAIL, office), List.of()),
                Map.of("groups", groups, "session", session == Session.AM ? "morning" : "afternoon", "date", FirstDayService.DAY.format(date)), List.of(), date)));
        return untaken.size() + " register(s) not taken: " + groups + "; office (" + office + ") emailed" + (queued == 0 ? " already" : "");
    }
}
