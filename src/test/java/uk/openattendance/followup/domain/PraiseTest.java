package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;
import uk.openattendance.school.domain.Term;

/** Who is praised: outstanding, excellent, improved; and never a pupil whose registers were not all taken. */
class PraiseTest {

    /** "1:60/60 2:60/59" → pupil 1 attended 60 of 60 possible sessions, pupil 2 59 of 60. */
    static List<Praise.PupilFigures> rows(String text) {
        List<Praise.PupilFigures> out = new ArrayList<>();
        if (text != null) {
            for (String r : Arrays.stream(text.trim().split("\\s+")).toList()) {
                String[] p = r.split("[:/]");
                out.add(new Praise.PupilFigures(Long.parseLong(p[0]), Morning.figures(Integer.parseInt(p[1]), Integer.parseInt(p[2]))));
            }
        }
        return out;
    }

    static List<Long> pupils(List<Praise.PupilFigures> rows) {
        return rows.stream().map(Praise.PupilFigures::pupilId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case (policy 004: excellent 98+%, outstanding 100%)     | figures                    | excellent from | outstanding | excellent
            "100% is outstanding, not also excellent                  | 1:60/60                    | 98             | 1           | ",
            "59 of 60 is 98.3%: excellent                             | 2:60/59                    | 98             |             | 2",
            "58 of 60 is 96.7%: neither                               | 3:60/58                    | 98             |             | ",
            "exactly at the threshold counts (98.0%)                  | 4:50/49                    | 98             |             | 4",
            "a mixed class                                            | 1:60/60 2:60/59 3:60/58    | 95             | 1           | 2 3",
    })
    void halfTermlyPraiseTextsAreForExcellentAndOutstandingAttendance(String name, String figures, BigDecimal from, String outstanding, String excellent) {
        List<Praise.PupilFigures> all = Praise.withFigures(rows(figures));

        assertThat(pupils(Praise.outstanding(all))).containsExactlyInAnyOrderElementsOf(Morning.longs(outstanding));
        assertThat(pupils(Praise.excellent(all, from))).containsExactlyInAnyOrderElementsOf(Morning.longs(excellent));
    }

    @Test
    void aPupilWithNoSessionsOwedHasNothingToBePraisedFor() {
        assertThat(pupils(Praise.withFigures(rows("1:0/0 2:10/10")))).containsExactly(2L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                              | this half term | last half term % | points | improved
            "up 10 points on 85%: improved by 5 or more          | 1:60/57        | 85               | 5      | 1",
            "up exactly the school's number counts               | 1:50/45        | 85               | 5      | 1",
            "up less than the school's number                    | 1:60/54        | 88               | 5      | ",
            "no figures last half term: nothing to compare with  | 1:60/60        |                  | 5      | ",
    })
    void improvementIsMeasuredAgainstTheHalfTermBefore(String name, String figures, BigDecimal before, BigDecimal points, String improved) {
        Map<Long, BigDecimal> then = before == null ? Map.of() : Map.of(1L, before);

        assertThat(Praise.improved(rows(figures), then, points)).extracting(i -> i.now().pupilId())
                .containsExactlyInAnyOrderElementsOf(Morning.longs(improved));
    }

    @Test
    void aPupilWhoseRegistersWereNeverTakenIsNotPraisedAndTheOutcomeNamesTheMissingRegisters() {
        Map<Long, List<RegisterGaps.Slot>> gaps = new HashMap<>();
        gaps.put(2L, List.of(new RegisterGaps.Slot(LocalDate.of(2026, 11, 24), Session.PM), new RegisterGaps.Slot(LocalDate.of(2026, 11, 23), Session.AM)));
        gaps.put(3L, List.of(new RegisterGaps.Slot(LocalDate.of(2026, 11, 23), Session.AM)));

        Praise.Complete c = Praise.everyRegisterTaken(rows("1:10/10 2:10/10 3:10/10"), gaps);

        assertThat(pupils(c.rows())).containsExactly(1L);
        assertThat(c.skipped()).isEqualTo(" 2 pupil(s) skipped: registers not taken on Mon 23 Nov AM, Tue 24 Nov PM.");
        assertThat(Praise.everyRegisterTaken(rows("1:10/10"), Map.of()).skipped()).isEmpty();
    }

    @Test
    void moreThanSixMissingRegistersAreCountedNotListed() {
        List<RegisterGaps.Slot> week = new ArrayList<>();
        for (int d = 23; d <= 27; d++) {
            week.add(new RegisterGaps.Slot(LocalDate.of(2026, 11, d), Session.AM));
            week.add(new RegisterGaps.Slot(LocalDate.of(2026, 11, d), Session.PM));
        }
        assertThat(Praise.everyRegisterTaken(rows("1:10/10"), Map.of(1L, week)).skipped()).isEqualTo(" 1 pupil(s) skipped: registers not taken on "
                + "Mon 23 Nov AM, Mon 23 Nov PM, Tue 24 Nov AM, Tue 24 Nov PM, Wed 25 Nov AM, Wed 25 Nov PM and 4 more session(s).");
    }

    @Test
    void eachPraisedChildsContactsGetTheirOwnMessageWithTheirPercentage() {
        Map<Long, Praise.PupilFigures> praised = Morning.ordered(List.of(5L, 6L), id -> rows(id + ":60/59").get(0));

        List<Message> out = Praise.messages(MessagePurpose.PRAISE_EXCELLENT, "half term 2026-12-18", "half term", praised, List.of(Morning.ELLA, Morning.FINN),
                Morning.CONTACTS, ContactRouting.ALL_WITH_PARENTAL_RESPONSIBILITY);

        assertThat(Morning.briefs(out)).containsExactly("105 Ella", "106 Ella", "105 Finn", "106 Finn");
        assertThat(out.get(0).fields()).containsEntry("percent", "98.3").containsEntry("window", "half term");
        assertThat(out.get(0).key()).isEqualTo("half term 2026-12-18:pupil 5");
        assertThat(Praise.outcome(MessagePurpose.PRAISE_EXCELLENT, 2, 4)).isEqualTo("2 pupil(s) for praise excellent: 4 message(s) queued.");
    }

    @Test
    void anImprovementMessageSaysByHowManyPoints() {
        Praise.Improvement up = Praise.improved(rows("1:60/57"), Map.of(1L, new BigDecimal("85.0")), BigDecimal.valueOf(5)).get(0);

        List<Message> out = Praise.improvementMessages(LocalDate.of(2026, 12, 18), Map.of(1L, up), List.of(Morning.AMELIA), Morning.CONTACTS,
                ContactRouting.PRIORITY_ONE);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.purpose()).isEqualTo(MessagePurpose.PRAISE_IMPROVEMENT);
            assertThat(m.fields()).containsEntry("percent", "95.0").containsEntry("points", "10");
        });
    }

    @Test
    void improvementComparesWithTheLatestHalfTermThatEndedBeforeThisOne() {
        SchoolCalendar calendar = new SchoolCalendar(List.of(
                new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30)),
                new Term("2026/27", "Spring", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 19))),
                List.of());

        assertThat(Praise.halfTermBefore(calendar, calendar.halfTermContaining(LocalDate.of(2027, 1, 6)).orElseThrow()))
                .hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("Autumn 2"));
        assertThat(Praise.halfTermBefore(calendar, calendar.halfTermContaining(LocalDate.of(2026, 9, 3)).orElseThrow())).isEmpty();
    }
}
