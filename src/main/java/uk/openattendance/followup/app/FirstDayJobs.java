package uk.openattendance.followup.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.school.domain.FirstDayChain;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/** The first-day chain's four moments as per-school jobs, at the times in each school's policy. */
@Factory
class FirstDayJobs {
    static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    private final FirstDayService service;
    private final SchoolDay schoolDay;

    FirstDayJobs(FirstDayService service, SchoolDay schoolDay) {
        this.service = service;
        this.schoolDay = schoolDay;
    }

    @Singleton
    JobHandler firstText() {
        // a first text after the safe-by time would arrive after the office has already had to act: skipped instead
        JobHandler texts = handler("FIRST_DAY_TEXT", 10, c -> new JobHandler.Slot("AM", c.firstTextAt(), c.safeBy(), "the safe-by time"),
                (school, date) -> service.sendFirstTexts(school, date));
        // families of a group whose register is not yet taken are texted on a later pass, once it is
        return new JobHandler() {
            @Override
            public String kind() {
                return texts.kind();
            }

            @Override
            public int order() {
                return texts.order();
            }

            @Override
            public Purpose purpose() {
                return texts.purpose();
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                return texts.slots(schoolId, date);
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return attempt(scope, date, session).outcome();
            }

            @Override
            public Result attempt(SchoolScope scope, LocalDate date, String session) {
                FirstDayService.FirstTexts t = service.firstTexts(scope, date);
                return new Result(t.outcome(), t.waiting().isEmpty() ? null : WAIT_FOR_REGISTER);
            }
        };
    }

    /** How soon the first text looks again at a register not yet taken. */
    static final java.time.Duration WAIT_FOR_REGISTER = java.time.Duration.ofMinutes(1);

    @Singleton
    JobHandler callList() {
        return handler("FIRST_DAY_CALL_LIST", 30, c -> new JobHandler.Slot("AM", c.phoneFrom(), END_OF_DAY, "the end of the school day"),
                (school, date) -> service.openCallList(school, date));
    }

    @Singleton
    JobHandler escalate() {
        // a school whose escalation and safe-by times coincide gets one alert, at safe-by
        return handler("FIRST_DAY_ESCALATE", 40, c -> c.escalateAt().equals(c.safeBy()) ? null : new JobHandler.Slot("AM", c.escalateAt(), END_OF_DAY,
                "the end of the school day"),
                (school, date) -> service.escalate(school, date, "ESCALATION"));
    }

    @Singleton
    JobHandler safeBy() {
        return handler("FIRST_DAY_SAFE_BY", 50, c -> new JobHandler.Slot("AM", c.safeBy(), END_OF_DAY, "the end of the school day"),
                (school, date) -> service.escalate(school, date, "SAFE_BY"));
    }

    /** {@code order}: among jobs due at the same moment, texts first, then the lateness notices (20), the call list they feed, escalation, safe-by. */
    private JobHandler handler(String kind, int order, Function<FirstDayChain, JobHandler.Slot> slot, java.util.function.BiFunction<SchoolScope, LocalDate, String> work) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Purpose purpose() {
                return Purpose.FIRST_DAY_CHAIN;
            }

            @Override
            public List<Slot> slots(long schoolId, LocalDate date) {
                JobHandler.Slot s = slot.apply(schoolDay.policy(schoolId).firstDay());
                return s == null ? List.of() : List.of(s);
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return work.apply(scope, date);
            }
        };
    }
}
