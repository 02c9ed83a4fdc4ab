package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.ClosureKind;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.LatenessNotices;
import uk.openattendance.school.domain.PraiseRules;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.SessionScope;
import uk.openattendance.school.domain.Term;

/** When the family messages and the office's register check fall, from the school's policy, timings and calendar. */
class OccasionsTest {
    static final SchoolCalendar AUTUMN = new SchoolCalendar(List.of(new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18),
            LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))),
            List.of(new Closure(LocalDate.of(2026, 12, 4), SessionScope.ALL_DAY, null, ClosureKind.INSET, "Staff training")));

    static final PraiseRules ALL_ON = new PraiseRules(true, new BigDecimal("98"), true, true, new BigDecimal("5"), ContactRouting.PRIORITY_ONE);
    static final PraiseRules ALL_OFF = new PraiseRules(false, null, false, false, null, ContactRouting.PRIORITY_ONE);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                                        | date       | praise on | weekly | half term | termly
            "an ordinary Thursday: nothing                                 | 2026-11-26 | true      | false  | false     | false",
            "Friday: the week's last school day                            | 2026-11-27 | true      | true   | false     | false",
            "Thursday before an INSET Friday is the week's last school day | 2026-12-03 | true      | true   | false     | false",
            "the Friday before half term ends the first half term          | 2026-10-23 | true      | true   | true      | false",
            "the last day of term ends the half term and the term          | 2026-12-18 | true      | true   | true      | true",
            "praise switched off in the policy: never                      | 2026-12-18 | false     | false  | false     | false",
    })
    void praiseFallsOnTheLastSchoolDayOfTheWeekHalfTermOrTerm(String name, LocalDate date, boolean on, boolean weekly, boolean half, boolean termly) {
        PraiseRules rules = on ? ALL_ON : ALL_OFF;

        assertThat(Occasions.weeklyPraise(rules, AUTUMN, date).isPresent()).as("weekly").isEqualTo(weekly);
        assertThat(Occasions.halfTermPraise(rules, AUTUMN, date).isPresent()).as("half term").isEqualTo(half);
        assertThat(Occasions.termlyPraise(rules, AUTUMN, date).isPresent()).as("termly").isEqualTo(termly);
        Occasions.weeklyPraise(rules, AUTUMN, date).ifPresent(d -> assertThat(d).isEqualTo(new Due(null, LocalTime.of(15, 30), LocalTime.of(19, 0),
                "early evening")));
    }

    static List<LocalTime> times(String text) {
        return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).map(LocalTime::parse).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                                   | enabled | session | U from per group | due
            "ten minutes after the last group's U time                | true    | AM      | 09:15 09:30      | 09:40",
            "policy 003: U after 9.15                                 | true    | AM      | 09:15            | 09:25",
            "an afternoon                                             | true    | PM      | 13:30 13:20      | 13:40",
            "no group timings: U taken to be from 9.30                | true    | AM      |                  | 09:40",
            "no group timings in the afternoon: from 13.30            | true    | PM      |                  | 13:40",
            "lateness notices off: none                               | false   | AM      | 09:15            | ",
    })
    void latenessNoticesGoAfterTheLastRegisterOfTheSessionHasClosed(String name, boolean enabled, Session session, String uFrom, LocalTime due) {
        Optional<Due> d = Occasions.latenessNotices(new LatenessNotices(enabled, ContactRouting.PRIORITY_ONE), session, times(uFrom));

        assertThat(d.map(Due::at)).isEqualTo(Optional.ofNullable(due));
        d.ifPresent(x -> assertThat(x.latest()).isEqualTo(LocalTime.of(17, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                           | closes per group | due
            "five minutes after the last group's close        | 09:00 09:15      | 09:20",
            "policy 004: Nursery, Reception/KS1, KS2 close    | 09:15 09:05 09:00 | 09:20",
            "a close too near the end of the day: no check    | 17:56            | ",
            "no register groups: nothing to check             |                  | ",
    })
    void theUntakenRegisterCheckFallsFiveMinutesAfterTheSessionsLastClose(String name, String closes, LocalTime due) {
        assertThat(Occasions.untakenRegisters(Session.AM, times(closes)).map(Due::at)).isEqualTo(Optional.ofNullable(due));
    }
}
