package uk.openattendance.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionTiming;

/** A Portsmouth primary: register 8:45 to 9:00, L after 9:00, U after 9:15 ("children arriving after 9:15am"). */
class MarkingTest {
    private static final SessionTiming AM = SessionTiming.of("08:45", "09:00", "09:00", "09:15");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static Marking.Outcome mark(String code, String arrived, String now, boolean alreadyMarked) {
        return Marking.decide(new Marking.Entry(code, arrived == null ? null : LocalTime.parse(arrived), Session.AM, DAY,
                now == null ? null : LocalTime.parse(now), alreadyMarked), AM);
    }

    @Test
    void arrivingBetweenCloseAndTheUTimeIsStillL() {
        Marking.Outcome o = mark(null, "09:10", "09:12", false);
        assertThat(o.code().code()).isEqualTo("L");
        assertThat(o.minutesLate()).isEqualTo(10);
    }

    @Test
    void arrivingAtTheUTimeIsStillLAndAMinuteLaterIsU() {
        assertThat(mark(null, "09:15", "09:20", false).code().code()).isEqualTo("L");
        assertThat(mark(null, "09:16", "09:20", false).code().code()).isEqualTo("U");
    }

    @Test
    void aPresentMarkSentAtTheClosingMinuteIsStillPresent() {
        assertThat(mark("/", null, "09:00", false).code().code()).isEqualTo("/");
    }

    @Test
    void aPaperRegisterTypedInAtElevenKeepsItsPresentMarks() {
        Marking.Outcome o = Marking.decide(new Marking.Entry("/", null, Session.AM, DAY, LocalTime.of(11, 0), false, true), AM);
        assertThat(o.code().code()).isEqualTo("/");
        assertThat(o.arrivedAt()).isNull();
    }

    @Test
    void aPaperRegisterTypedInLaterJudgesTheArrivalTimeWrittenOnIt() {
        Marking.Outcome o = Marking.decide(new Marking.Entry("L", LocalTime.of(9, 5), Session.AM, DAY, LocalTime.of(11, 0), false, true), AM);
        assertThat(o.code().code()).isEqualTo("L");
        assertThat(o.minutesLate()).isEqualTo(5);
    }

    @Test
    void aPaperRegistersLateMarkWithoutATimeIsRecordedAsWritten() {
        assertThat(Marking.decide(new Marking.Entry("L", null, Session.AM, DAY, LocalTime.of(11, 0), false, true), AM).code().code()).isEqualTo("L");
    }

    @Test
    void aPresentMarkWhileTheRegisterIsOpenIsPresentWhateverTheClockSays() {
        assertThat(mark("/", null, "08:58", false).code().code()).isEqualTo("/");
    }

    @Test
    void aPresentMarkForAnUnmarkedPupilAfterCloseMeansTheyArrivedNow() {
        Marking.Outcome o = mark("/", null, "09:20", false);
        assertThat(o.code().code()).isEqualTo("U");
        assertThat(o.arrivedAt()).isEqualTo(LocalTime.of(9, 20));
        assertThat(mark("/", null, "11:00", false).minutesLate()).as("the default a paper register typed in later must opt out of").isEqualTo(120);
    }

    @Test
    void aPresentMarkForAPastDayIsRecordedAsPresentForItsSession() {
        assertThat(mark("\\", null, null, false).code().code()).as("normalised to the morning mark").isEqualTo("/");
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
    void retiredCodesAreRefusedAndCodesInForcePass() {
        assertThat(mark("H", null, null, false).refused()).isTrue();
        assertThat(mark("C1", null, null, false).code().code()).isEqualTo("C1");
    }
}
