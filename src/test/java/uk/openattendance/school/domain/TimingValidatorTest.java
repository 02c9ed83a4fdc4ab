package uk.openattendance.school.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.platform.problem.FieldError;

class TimingValidatorTest {
    private static final SessionTiming AM = SessionTiming.of("08:45", "08:50", "09:05", "09:05");

    @Test
    void aRegisterOpenForFortyMinutesIsRefusedNamingTheField() {
        var groups = List.of(new RegisterGroupTimings("Whole school", SessionTiming.of("08:30", "08:45", "09:10", "09:10"),
                SessionTiming.of("13:00", "13:00", "13:40", "13:40")));
        List<FieldError> errors = TimingValidator.validate(groups);
        assertThat(errors).extracting(FieldError::field).contains("registerGroups[0].am.closesAt", "registerGroups[0].pm.closesAt");
        assertThat(errors.get(0).expected()).contains("at most 30 minutes").contains("40 minutes");
    }

    @Test
    void anAfternoonRegisterShorterThanTheMorningOneIsRefused() {
        var groups = List.of(new RegisterGroupTimings("Whole school", AM, SessionTiming.of("13:25", "13:25", "13:35", "13:35")));
        List<FieldError> errors = TimingValidator.validate(groups);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("registerGroups[0].pm.closesAt");
            assertThat(e.expected()).contains("20 minutes").contains("same length");
        });
    }

    @Test
    void groupsWithDifferentAfternoonTimesButEqualLengthsAreAllowed() {
        var groups = List.of(
                new RegisterGroupTimings("Nursery", AM, SessionTiming.of("12:00", "12:00", "12:20", "12:20")),
                new RegisterGroupTimings("KS2", AM, SessionTiming.of("13:30", "13:30", "13:50", "13:50")));
        assertThat(TimingValidator.validate(groups)).isEmpty();
    }

    @Test
    void lateBeforeTheRegisterOpensAndUBeforeItClosesAreRefused() {
        var groups = List.of(new RegisterGroupTimings("Whole school", SessionTiming.of("08:45", "08:40", "09:05", "09:00"),
                SessionTiming.of("13:00", "13:00", "13:20", "13:20")));
        assertThat(TimingValidator.validate(groups)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("registerGroups[0].am.lateAfter", "registerGroups[0].am.unauthorisedAfter");
    }
}
