package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.FirstDayChain;

/** When each step of the first-day chain falls, from the times in the school's own policy. */
class ChainStepTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // policy                                            | first text | phone  | escalate | safe by | step       | due   | latest | why
            "000 Dorset: text, phone by 10.30, 11.00, 11.30      | 09:15      | 10:30  | 11:00    | 11:30   | FIRST_TEXT | 09:15 | 11:30  | the safe-by time",
            "000 Dorset: the call list opens at the phone time   | 09:15      | 10:30  | 11:00    | 11:30   | CALL_LIST  | 10:30 | 18:00  | the end of the school day",
            "000 Dorset: the lead is told at 11.00               | 09:15      | 10:30  | 11:00    | 11:30   | ESCALATION | 11:00 | 18:00  | the end of the school day",
            "000 Dorset: and again at safe-by                    | 09:15      | 10:30  | 11:00    | 11:30   | SAFE_BY    | 11:30 | 18:00  | the end of the school day",
            "001 DSAT: phone within around 15 minutes, safe by 10 | 09:05     | 09:20  | 09:45    | 10:00   | CALL_LIST  | 09:20 | 18:00  | the end of the school day",
            "001 DSAT: a first text is no use after safe-by      | 09:05      | 09:20  | 09:45    | 10:00   | FIRST_TEXT | 09:05 | 10:00  | the safe-by time",
            "escalation and safe-by at one time: one alert       | 09:15      | 09:45  | 10:00    | 10:00   | ESCALATION |       |        | ",
            "escalation and safe-by at one time: at safe-by      | 09:15      | 09:45  | 10:00    | 10:00   | SAFE_BY    | 10:00 | 18:00  | the end of the school day",
    })
    void eachStepIsDueAtTheSchoolsOwnTime(String policy, LocalTime firstText, LocalTime phone, LocalTime escalate, LocalTime safeBy, ChainStep step,
            LocalTime due, LocalTime latest, String why) {
        FirstDayChain chain = new FirstDayChain(LocalTime.of(8, 45), firstText, phone, escalate, safeBy, true, ContactRouting.PRIORITY_ONE, 10);

        if (due == null) {
            assertThat(step.due(chain)).isEmpty();
        } else {
            assertThat(step.due(chain)).contains(new Due("AM", due, latest, why));
        }
    }
}
