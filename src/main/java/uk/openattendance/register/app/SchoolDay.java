package uk.openattendance.register.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.platform.cache.CacheVersions;
import uk.openattendance.notify.app.SchoolMessagingDay;
import uk.openattendance.platform.cache.StampedCache;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.app.PolicyService;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.schedule.app.SchoolDays;
import uk.openattendance.school.domain.MessagingRules;
import uk.openattendance.school.domain.PolicySettings;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * What a register needs to know about its school. Zone, calendar, register groups and policy change a few times a
 * year but are read on every register and every message, so they are kept in memory, each under the school's stamp
 * in {@link CacheVersions}: a change made through any replica writes a new stamp, and the next lookup on every
 * replica reads it and loads afresh (one primary-key read per lookup instead of four to six queries). It implements the
 * ports notify and schedule own, so the register depends on them and not they on it.
 */
@Singleton
public class SchoolDay implements SchoolMessagingDay, SchoolDays {
    private record Settings(ZoneId zone, SchoolCalendar calendar, Map<Long, RegisterGroupView> groups) {}

    private final StampedCache<Settings> settings;
    private final StampedCache<PolicySettings> policy;

    private final SchoolService schools;
    private final CalendarService calendars;
    private final RegisterGroupService groups;
    private final PolicyService policies;
    private final Clock clock;

    public SchoolDay(SchoolService schools, CalendarService calendars, RegisterGroupService groups, PolicyService policies, Clock clock,
            CacheVersions versions) {
        this.schools = schools;
        this.calendars = calendars;
        this.groups = groups;
        this.policies = policies;
        this.clock = clock;
        this.settings = versions.cache(CacheVersions.Scope.SCHOOL);
        this.policy = versions.cache(CacheVersions.Scope.SCHOOL);
    }

    /** The school's settings now; {@code settingsStamp} changes whenever any of them changes, on whichever replica. */
    public record Context(long schoolId, ZoneId zone, LocalDateTime now, SchoolCalendar calendar, Map<Long, RegisterGroupView> groups,
            long settingsStamp) {}

    public Context of(long schoolId) {
        StampedCache.Stamped<Settings> kept = settings.get(schoolId, this::load);
        Settings s = kept.value();
        return new Context(schoolId, s.zone(), LocalDateTime.ofInstant(clock.instant(), s.zone()), s.calendar(), s.groups(), kept.stamp());
    }

    /** The school's typed policy, kept like the calendar. */
    public PolicySettings policy(long schoolId) {
        return policy.get(schoolId, id -> policies.settings(SchoolScope.forJob(Purpose.SCHOOL_SETTINGS, id))).value();
    }

    @Override
    public ZoneId zone(long schoolId) {
        return settings.get(schoolId, this::load).value().zone();
    }

    @Override
    public MessagingRules messaging(long schoolId) {
        return policy(schoolId).messaging();
    }

    @Override
    public Today today(long schoolId) {
        Context ctx = of(schoolId);
        LocalDate date = ctx.now().toLocalDate();
        return new Today(date, ctx.calendar().isSchoolDay(date), ctx.zone(), ctx.settingsStamp());
    }

    private Settings load(long schoolId) {
        SchoolScope scope = SchoolScope.forJob(Purpose.SCHOOL_SETTINGS, schoolId);
        return new Settings(schools.zoneOf(scope), calendars.calendar(scope),
                groups.registerGroups(scope).stream().collect(Collectors.toMap(RegisterGroupView::id, Function.identity())));
    }
}
