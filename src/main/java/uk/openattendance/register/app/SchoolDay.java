package uk.openattendance.register.app;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.app.PolicyService;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolSettingsChanged;
import uk.openattendance.school.domain.PolicySettings;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * What a register needs to know about its school. Zone, calendar and register groups change a few times a year but
 * are read on every register, so they are kept for a short while: dropped at once when this instance changes them,
 * and after {@link #KEEP} at most when another instance does.
 */
@Singleton
public class SchoolDay {
    static final Duration KEEP = Duration.ofSeconds(30);

    private record Settings(ZoneId zone, SchoolCalendar calendar, Map<Long, RegisterGroupView> groups, long readAtNanos) {}

    private final Map<Long, Settings> cache = new ConcurrentHashMap<>();

    private final SchoolService schools;
    private final CalendarService calendars;
    private final RegisterGroupService groups;
    private final PolicyService policies;
    private final Clock clock;

    public SchoolDay(SchoolService schools, CalendarService calendars, RegisterGroupService groups, PolicyService policies, Clock clock) {
        this.schools = schools;
        this.calendars = calendars;
        this.groups = groups;
        this.policies = policies;
        this.clock = clock;
    }

    public record Context(long schoolId, ZoneId zone, LocalDateTime now, SchoolCalendar calendar, Map<Long, RegisterGroupView> groups) {}

    public Context of(long schoolId) {
        Settings s = cache.get(schoolId);
        // elapsed time, not the time of day: the cache's age must not move when tests move the school's clock
        if (s == null || System.nanoTime() - s.readAtNanos() > KEEP.toNanos()) {
            long readAt = System.nanoTime();
            SchoolScope settings = SchoolScope.forJob(Purpose.SCHOOL_SETTINGS, schoolId);
            s = new Settings(schools.zoneOf(settings), calendars.calendar(settings),
                    groups.registerGroups(settings).stream().collect(Collectors.toMap(RegisterGroupView::id, Function.identity())), readAt);
            cache.put(schoolId, s);
        }
        return new Context(schoolId, s.zone(), LocalDateTime.ofInstant(clock.instant(), s.zone()), s.calendar(), s.groups());
    }

    @EventListener
    void onChange(SchoolSettingsChanged event) {
        cache.remove(event.schoolId());
        policyCache.remove(event.schoolId());
    }

    private record Policy(PolicySettings settings, long readAtNanos) {}

    private final Map<Long, Policy> policyCache = new ConcurrentHashMap<>();

    /** The school's typed policy, kept like the calendar: dropped at once on this instance's changes, after {@link #KEEP} on another's. */
    public PolicySettings policy(long schoolId) {
        Policy p = policyCache.get(schoolId);
        if (p == null || System.nanoTime() - p.readAtNanos() > KEEP.toNanos()) {
            long readAt = System.nanoTime();
            p = new Policy(policies.settings(SchoolScope.forJob(Purpose.SCHOOL_SETTINGS, schoolId)), readAt);
            policyCache.put(schoolId, p);
        }
        return p.settings();
    }
}
