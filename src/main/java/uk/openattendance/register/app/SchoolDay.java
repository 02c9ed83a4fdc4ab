package uk.openattendance.register.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.app.PolicyService;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.PolicySettings;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.security.Actor;

/** What a register needs to know about its school, read once per request after the caller has been checked. */
@Singleton
class SchoolDay {
    private static final Actor READER = Actor.system("register");

    private final SchoolService schools;
    private final CalendarService calendars;
    private final RegisterGroupService groups;
    private final PolicyService policies;
    private final Clock clock;

    SchoolDay(SchoolService schools, CalendarService calendars, RegisterGroupService groups, PolicyService policies, Clock clock) {
        this.schools = schools;
        this.calendars = calendars;
        this.groups = groups;
        this.policies = policies;
        this.clock = clock;
    }

    record Context(long schoolId, ZoneId zone, LocalDateTime now, SchoolCalendar calendar, Map<Long, RegisterGroupView> groups) {}

    Context of(long schoolId) {
        ZoneId zone = schools.zoneOf(READER, schoolId);
        return new Context(schoolId, zone, LocalDateTime.ofInstant(clock.instant(), zone), calendars.calendar(READER, schoolId),
                groups.registerGroups(READER, schoolId).stream().collect(Collectors.toMap(RegisterGroupView::id, Function.identity())));
    }

    PolicySettings policy(long schoolId) {
        return policies.settings(READER, schoolId);
    }
}
