package uk.openattendance.followup.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import uk.openattendance.followup.domain.ChainStep;
import uk.openattendance.followup.domain.Due;
import uk.openattendance.followup.domain.Escalation;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/** The first-day chain's four steps as per-school jobs, due when {@link ChainStep} says from each school's policy. */
@Factory
class FirstDayJobs {
    /** How soon the first text looks again at a register not yet taken. */
    static final Duration WAIT_FOR_REGISTER = Duration.ofMinutes(1);

    private final FirstDayService service;
    private final SchoolDay schoolDay;

    FirstDayJobs(FirstDayService service, SchoolDay schoolDay) {
        this.service = service;
        this.schoolDay = schoolDay;
    }

    @Singleton
    JobHandler firstText() {
        JobHandler texts = handler("FIRST_DAY_TEXT", 10, ChainStep.FIRST_TEXT, service::sendFirstTexts);
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
                FirstDayService.FirstTextPass t = service.firstTexts(scope, date);
                return new Result(t.outcome(), t.waitingForRegisters() ? WAIT_FOR_REGISTER : null);
            }
        };
    }

    @Singleton
    JobHandler callList() {
        return handler("FIRST_DAY_CALL_LIST", 30, ChainStep.CALL_LIST, service::openCallList);
    }

    @Singleton
    JobHandler escalate() {
        return handler("FIRST_DAY_ESCALATE", 40, ChainStep.ESCALATION, (school, date) -> service.escalate(school, date, Escalation.AT_ESCALATION));
    }

    @Singleton
    JobHandler safeBy() {
        return handler("FIRST_DAY_SAFE_BY", 50, ChainStep.SAFE_BY, (school, date) -> service.escalate(school, date, Escalation.AT_SAFE_BY));
    }

    static List<JobHandler.Slot> slots(java.util.Optional<Due> due) {
        return due.map(d -> List.of(new JobHandler.Slot(d.session(), d.at(), d.latest(), d.whyLatest()))).orElse(List.of());
    }

    /** {@code order}: among jobs due at the same moment, texts first, then the lateness notices (20), the call list they feed, escalation, safe-by. */
    private JobHandler handler(String kind, int order, ChainStep step, BiFunction<SchoolScope, LocalDate, String> work) {
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
                return FirstDayJobs.slots(step.due(schoolDay.policy(schoolId).firstDay()));
            }

            @Override
            public String run(SchoolScope scope, LocalDate date, String session) {
                return work.apply(scope, date);
            }
        };
    }
}
