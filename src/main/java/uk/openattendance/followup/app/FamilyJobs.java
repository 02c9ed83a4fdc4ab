package uk.openattendance.followup.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/** Lateness notices after each session's registers close, praise on the last school day of a week or half term, the CME check after school. */
@Factory
class FamilyJobs {
    private final FamilyMessages messages;
    private final MissingEducationCheck missing;
    private final SchoolDay schoolDay;

    FamilyJobs(FamilyMessages messages, MissingEducationCheck missing, SchoolDay schoolDay) {
        this.messages = messages;
        this.missing = missing;
        this.schoolDay = schoolDay;
    }

    @Singleton
    JobHandler lateness() {
        return new JobHandler() {
            @Override
            public String kind() {
                return "LATENESS_NOTICES";
            }

            @Override
            public int order() {
                return 20; // after the first texts, before the call list (see FirstDayJobs)
            }

            @Override
            public Purpose purpose() {
                return Purpose.FAMILY_MESSAGES;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                if (!schoolDay.policy(schoolId).lateness().enabled()) {
                    return List.of();
                }
                return List.of(Session.values()).stream().map(s -> new Slot(s.name(), lastU(schoolId, s).plusMinutes(10), LocalTime.of(17, 0),
                        "the end of the school day")).toList();
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return messages.latenessNotices(scope, date, Session.valueOf(session));
            }
        };
    }

    @Singleton
    JobHandler weeklyPraise() {
        return new JobHandler() {
            @Override
            public String kind() {
                return "PRAISE_WEEKLY";
            }

            @Override
            public Purpose purpose() {
                return Purpose.FAMILY_MESSAGES;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                if (!schoolDay.policy(schoolId).praise().weeklyFullAttendance() || !lastSchoolDayOfWeek(schoolId, date)) {
                    return List.of();
                }
                return List.of(new Slot(null, LocalTime.of(15, 30), LocalTime.of(19, 0), "early evening"));
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return messages.weeklyPraise(scope, date);
            }
        };
    }

    @Singleton
    JobHandler halfTermPraise() {
        return new JobHandler() {
            @Override
            public String kind() {
                return "PRAISE_HALF_TERM";
            }

            @Override
            public Purpose purpose() {
                return Purpose.FAMILY_MESSAGES;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                var rules = schoolDay.policy(schoolId).praise();
                var half = schoolDay.of(schoolId).calendar().halfTermContaining(date);
                if ((rules.halfTermlyExcellentFrom() == null && !rules.halfTermlyFullAttendance() && rules.improvementByPoints() == null) || half.isEmpty()
                        || !lastSchoolDayBefore(schoolId, date, half.get().to())) {
                    return List.of();
                }
                return List.of(new Slot(null, LocalTime.of(15, 30), LocalTime.of(19, 0), "early evening"));
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return messages.halfTermPraise(scope, date);
            }
        };
    }

    @Singleton
    JobHandler termlyPraise() {
        return new JobHandler() {
            @Override
            public String kind() {
                return "PRAISE_TERM";
            }

            @Override
            public Purpose purpose() {
                return Purpose.FAMILY_MESSAGES;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                var term = schoolDay.of(schoolId).calendar().termContaining(date);
                if (!schoolDay.policy(schoolId).praise().termlyFullAttendance() || term.isEmpty() || !lastSchoolDayBefore(schoolId, date, term.get().endsOn())) {
                    return List.of();
                }
                return List.of(new Slot(null, LocalTime.of(15, 30), LocalTime.of(19, 0), "early evening"));
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return messages.termlyPraise(scope, date);
            }
        };
    }

    @Singleton
    JobHandler missingEducation() {
        return new JobHandler() {
            @Override
            public String kind() {
                return "MISSING_EDUCATION_CHECK";
            }

            @Override
            public Purpose purpose() {
                return Purpose.MISSING_EDUCATION_CHECK;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                return List.of(new Slot(null, LocalTime.of(16, 0), LocalTime.of(23, 0), "the end of the day"));
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return missing.run(scope, date);
            }
        };
    }

    private LocalTime lastU(long schoolId, Session session) {
        return schoolDay.of(schoolId).groups().values().stream().map((RegisterGroupView g) -> g.timing(session)).map(SessionTiming::unauthorisedFrom)
                .max(LocalTime::compareTo).orElse(session == Session.AM ? LocalTime.of(9, 30) : LocalTime.of(13, 30));
    }

    private boolean lastSchoolDayOfWeek(long schoolId, LocalDate date) {
        return lastSchoolDayBefore(schoolId, date, date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
    }

    private boolean lastSchoolDayBefore(long schoolId, LocalDate date, LocalDate end) {
        var calendar = schoolDay.of(schoolId).calendar();
        for (LocalDate d = date.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                return false;
            }
        }
        return true;
    }
}
