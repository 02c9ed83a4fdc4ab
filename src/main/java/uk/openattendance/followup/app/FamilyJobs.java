package uk.openattendance.followup.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.followup.domain.Occasions;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.school.domain.Session;
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
                return List.of(Session.values()).stream().flatMap(s -> FirstDayJobs.slots(Occasions.latenessNotices(schoolDay.policy(schoolId).lateness(), s,
                        schoolDay.of(schoolId).groups().values().stream().map(g -> g.timing(s).unauthorisedAfter()).toList())).stream()).toList();
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
                return FirstDayJobs.slots(Occasions.weeklyPraise(schoolDay.policy(schoolId).praise(), schoolDay.of(schoolId).calendar(), date));
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
                return FirstDayJobs.slots(Occasions.halfTermPraise(schoolDay.policy(schoolId).praise(), schoolDay.of(schoolId).calendar(), date));
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
                return FirstDayJobs.slots(Occasions.termlyPraise(schoolDay.policy(schoolId).praise(), schoolDay.of(schoolId).calendar(), date));
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
                return FirstDayJobs.slots(java.util.Optional.of(Occasions.missingEducationCheck()));
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return missing.run(scope, date);
            }
        };
    }
}
