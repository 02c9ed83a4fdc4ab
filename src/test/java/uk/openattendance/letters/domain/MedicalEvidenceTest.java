package uk.openattendance.letters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedicalEvidenceTest {
    static final MedicalEvidence PORTSMOUTH = new MedicalEvidence(8, 12, 5);
    static final LocalDate TERM_START = LocalDate.of(2026, 9, 2);
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    static List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** Both sessions of each day. */
    static List<LocalDate> ill(LocalDate... days) {
        List<LocalDate> sessions = new ArrayList<>();
        for (LocalDate d : days) {
            sessions.add(d);
            sessions.add(d);
        }
        return sessions;
    }

    @Test
    void eightSessionsOfIllnessInATermAskForEvidenceOnceForThatTerm() {
        var requests = PORTSMOUTH.requests(ill(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(7), MONDAY.plusDays(9)), "2026/27", "Autumn", TERM_START,
                schoolDays(MONDAY, MONDAY.plusDays(11)));
        assertThat(requests).extracting(MedicalEvidence.Request::triggerKey).containsExactly("MEDICAL_TERM:2026/27:Autumn");
        assertThat(requests.get(0).window()).isEqualTo("this term (since 2 September 2026)");
    }

    @Test
    void twelveSessionsInTheYearAskForEvidenceWhenThisTermAloneHasFewerThanEight() {
        List<LocalDate> sessions = new ArrayList<>(ill(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 9), LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 9, 16)));
        sessions.addAll(ill(MONDAY, MONDAY.plusDays(2)));
        var requests = PORTSMOUTH.requests(sessions, "2026/27", "Autumn 2", LocalDate.of(2026, 11, 2), schoolDays(MONDAY, MONDAY.plusDays(4)));
        assertThat(requests).extracting(MedicalEvidence.Request::triggerKey).containsExactly("MEDICAL_YEAR:2026/27");
        assertThat(requests.get(0).sessions()).isEqualTo(12);
    }

    @Test
    void theFifthSchoolDayOfIllnessInARowAcrossAWeekendAsksForEvidence() {
        LocalDate wednesday = MONDAY.plusDays(2);
        var four = new MedicalEvidence(null, null, 5).requests(ill(wednesday, wednesday.plusDays(1), wednesday.plusDays(2), wednesday.plusDays(5)),
                "2026/27", "Autumn", TERM_START, schoolDays(MONDAY, wednesday.plusDays(5)));
        assertThat(four).isEmpty();
        var five = new MedicalEvidence(null, null, 5).requests(ill(wednesday, wednesday.plusDays(1), wednesday.plusDays(2), wednesday.plusDays(5),
                wednesday.plusDays(6)), "2026/27", "Autumn", TERM_START, schoolDays(MONDAY, wednesday.plusDays(6)));
        assertThat(five).extracting(MedicalEvidence.Request::triggerKey).containsExactly("ILLNESS_RUN:" + wednesday);
    }
}
