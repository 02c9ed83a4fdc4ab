package uk.openattendance.school.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SessionTimingTest {
    private final SessionTiming church = SessionTiming.of("08:40", "08:50", "08:50", "09:05");

    @Test
    void arrivalAtTheLateTimeIsStillOnTime() {
        assertThat(church.classify(LocalTime.of(8, 50))).isEqualTo(new ArrivalMark(ArrivalMark.Kind.ON_TIME, 0));
    }

    @Test
    void arrivalTenSecondsLateCountsAsOneMinuteLate() {
        assertThat(church.classify(LocalTime.of(8, 50, 10))).isEqualTo(new ArrivalMark(ArrivalMark.Kind.LATE, 1));
    }

    @Test
    void arrivalFifteenMinutesAfterCloseIsUWithMinutesLateKept() {
        assertThat(church.classify(LocalTime.of(9, 5))).isEqualTo(new ArrivalMark(ArrivalMark.Kind.UNAUTHORISED_LATE, 15));
    }

    @Test
    void registerLengthRunsFromOpeningToClose() {
        assertThat(church.openFor().toMinutes()).isEqualTo(10);
    }
}
