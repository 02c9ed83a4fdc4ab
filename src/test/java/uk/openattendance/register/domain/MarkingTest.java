package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;

/** A Portsmouth primary: register 8:45 to 9:00, L until 9:15, U from 9:15 ("30 minutes after our day begins"). */
class MarkingTest {
    private static final SessionTiming AM = SessionTiming.of("08:45", "08:45", "09:00", "09:15");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static Marking.Outcome mark(String code, String arrived, String now, boolean alreadyMarked) {
        return Marking.decide(new Marking.Entry(code, arrived == null ? null : LocalTime.parse(arrived), Session.AM, DAY,
                now == null ? null : LocalTime.parse(now), alreadyMarked), AM);
    }

    @Test
    void arrivingBetweenCloseAndTheUTimeIsStillL() {
        Marking.Outcome o = mark(null, "09:10", "09:12", false);
        assertThat(o.code()).isEqualTo("L");
        assertThat(o.minutesLate()).isEqualTo(25);
    }

    @Test
    void arrivingAtTheUTimeIsU() {
        assertThat(mark(null, "09:15", "09:20", false).code()).isEqualTo("U");
    }

    @Test
    void aPresentMarkWhileTheRegisterIsOpenIsPresentWhateverTheClockSays() {
        assertThat(mark("/", null, "08:58", false).code()).isEqualTo("/");
    }

    @Test
    void aPresentMarkForAnUnmarkedPupilAfterCloseMeansTheyArrivedNow() {
        Marking.Outcome o = mark("/", null, "09:20", false);
        assertThat(o.code()).isEqualTo("U");
        assertThat(o.arrivedAt()).isEqualTo(LocalTime.of(9, 20));
    }

    @Test
    void aPresentMarkForAPastDayIsRecordedAsPresentForItsSession() {
        assertThat(mark("\\", null, null, false).code()).as("normalised to the morning mark").isEqualTo("/");
    }

    @Test
    void aLateCodeThatDisagreesWithTheArrivalTimeIsRefusedWithTheRightCode() {
        Marking.Outcome o = mark("L", "09:16", "09:20", false);
        assertThat(o.refused()).isTrue();
        assertThat(o.field()).isEqualTo("code");
        assertThat(o.expected()).startsWith("U:");
    }

    @Test
    void anArrivalInTheFutureIsRefused() {
        assertThat(mark(null, "09:30", "09:20", false).field()).isEqualTo("arrivedAt");
    }

    @Test
    void retiredAndProspectiveCodesAreRefusedAndOthersPass() {
        assertThat(mark("H", null, null, false).refused()).isTrue();
        assertThat(mark("Z", null, null, false).refused()).isTrue();
        assertThat(mark("C1", null, null, false).code()).isEqualTo("C1");
    }
}
