package uk.openattendance.letters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.register.domain.Tally;
import uk.openattendance.school.domain.LetterLevel;

/** The letter rules as tables: runs of figures in, letters out; no database, no framework. */
class LetterTriggersTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    static final LetterLevel BELOW_95 = new LetterLevel("BELOW_95", "Below 95%", new BigDecimal("95"), false, false);
    static final LetterLevel BELOW_90 = new LetterLevel("BELOW_90", "Below 90%", new BigDecimal("90"), false, true);
    static final List<LetterLevel> LADDER = List.of(BELOW_95, BELOW_90);

    /** 100 possible sessions with {@code attended} of them attended: the percentage is the number. */
    static Figures percent(int attended) {
        return Figures.of(Tally.ofMany(CodeCatalogue.on("/", MONDAY).orElseThrow(), attended, 0)
                .plus(Tally.ofMany(CodeCatalogue.on("O", MONDAY).orElseThrow(), 100 - attended, 0)));
    }

    /** Steps a ladder rule through weekly runs at these percentages; each run's letter (with * when escalated) or "-". */
    static String ladder(LadderTrigger rule, String percents, boolean rerunEachDay) {
        LadderMemory memory = LadderMemory.start();
        List<LetterSent> sent = new ArrayList<>();
        List<String> out = new ArrayList<>();
        LocalDate friday = MONDAY.plusDays(4);
        for (String p : percents.split(" ")) {
            String got = "-";
            for (int pass = 0; pass < (rerunEachDay ? 2 : 1); pass++) {
                var s = PupilAttendanceSnapshot.of(1, friday).ladder(LADDER, MONDAY, percent(Integer.parseInt(p))).ladderMemory(memory).sent(sent).build();
                var decided = LetterTriggers.decide(List.of(rule), s);
                for (var d : decided.letters()) {
                    sent.add(new LetterSent(d.letter().templateKind(), d.letter().triggerKey(), friday, "DRAFT"));
                    var facts = (LetterFacts.Attendance) d.letter().facts();
                    got = pass == 0 ? d.letter().levelKey() + (facts.escalated() ? "*" : "") : "DUPLICATE";
                }
                LadderMemory before = memory;
                memory = decided.ladder().filter(n -> !n.equals(before.state())).map(n -> before.after(s.asOf(), n)).orElse(memory);
            }
            out.add(got);
            friday = friday.plusWeeks(1);
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "93 93 93 93        | BELOW_95 BELOW_95 BELOW_90* -",
        "93 96 93 96 93     | BELOW_95 - BELOW_95 - BELOW_90*",
        "93 89 89 93        | BELOW_95 BELOW_90 - -",
        "96 96              | - -",
        "93 93 93 89 96 93  | BELOW_95 BELOW_95 BELOW_90* - - BELOW_95"})
    void theDorsetStandardLetterGoesTwiceInSuccessionAndTheThirdTimeIsTreatedAsBelowNinety(String percents, String letters) {
        var rule = new StandardLetterTwiceInSuccessionThenBelowNinety(LADDER, 2);
        assertThat(ladder(rule, percents.trim(), false)).isEqualTo(letters.trim());
        assertThat(ladder(rule, percents.trim(), true)).as("a second run for the same Friday is not a further run in succession")
                .isEqualTo(letters.trim());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "94 93 93       | BELOW_95 - -",
        "94 89 91 89    | BELOW_95 BELOW_90 - BELOW_90",
        "94 96 94       | BELOW_95 - BELOW_95",
        "89 94          | BELOW_90 -"})
    void elsewhereALetterGoesOnEachMoveIntoADeeperLevelAndNotWhileAttendanceStaysThere(String percents, String letters) {
        assertThat(ladder(new LetterOnEachCrossingIntoADeeperLevel(LADDER), percents.trim(), true)).isEqualTo(letters.trim());
    }

    @Test
    void tooLittleRecordLeavesTheLadderWhereItWas() {
        Figures few = Figures.of(Tally.ofMany(CodeCatalogue.on("O", MONDAY).orElseThrow(), 4, 0));
        var s = PupilAttendanceSnapshot.of(1, MONDAY).ladder(LADDER, MONDAY, few).build();
        assertThat(new LetterOnEachCrossingIntoADeeperLevel(LADDER).step(s)).isEqualTo(LadderTrigger.Step.UNJUDGED);
    }

    static PupilAttendanceSnapshot ill(LocalDate asOf, List<LocalDate> sessions, List<LetterSent> sent) {
        return PupilAttendanceSnapshot.of(1, asOf).term("Autumn", MONDAY, LocalDate.of(2026, 12, 18), percent(100))
                .illness(sessions, MONDAY, ScriptedTerm.schoolDays(MONDAY, asOf)).sent(sent).build();
    }

    /** Whole days of illness from a date: two sessions each. */
    static List<LocalDate> days(LocalDate from, int n) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d : ScriptedTerm.schoolDays(from, from.plusWeeks(4)).subList(0, n)) {
            out.add(d);
            out.add(d);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} sessions in the term and {1} in the year -> {2}")
    @CsvSource(delimiter = '|', value = {
        "7  | 7  | ''",
        "8  | 8  | MEDICAL_TERM:2026/27:Autumn",
        "8  | 12 | MEDICAL_TERM:2026/27:Autumn MEDICAL_YEAR:2026/27",
        "2  | 12 | MEDICAL_YEAR:2026/27"})
    void portsmouthsMedicalOneAndMedicalTwoAreEachDueOnTheirOwnCount(int inTerm, int inYear, String keys) {
        List<LocalDate> sessions = new ArrayList<>();
        for (int i = 0; i < inYear - inTerm; i++) {
            sessions.add(LocalDate.of(2026, 9, 1)); // before this term began
        }
        for (int i = 0; i < inTerm; i++) {
            sessions.add(MONDAY.plusWeeks(i).plusDays(1)); // a Tuesday morning a week, never days in a row
        }
        var s = ill(MONDAY.plusWeeks(9), sessions, List.of());
        List<LetterTrigger> rules = List.of(new MedicalEvidenceAfterIllnessSessionsInTerm(8), new MedicalEvidenceAfterIllnessSessionsInYear(12));
        assertThat(String.join(" ", rules.stream().flatMap(r -> r.evaluate(s).stream()).map(WantedLetter::triggerKey).toList())).isEqualTo(keys.trim());
    }

    @ParameterizedTest(name = "{0} days ill in a row -> {1}")
    @CsvSource(delimiter = '|', value = {"4 | 0", "5 | 1", "8 | 1"})
    void evidenceIsAskedForOnTheFifthSchoolDayOfIllnessInARow(int days, int letters) {
        var s = ill(MONDAY.plusWeeks(3), days(MONDAY.plusWeeks(1), days), List.of());
        assertThat(new EvidenceOnFifthConsecutiveIllnessDay(5).evaluate(s)).hasSize(letters);
    }

    @Test
    void aMedicalLetterFromAnEarlierRunDoesNotHideTheFifthDayRequest() {
        // Medical 1 was drafted seven weeks ago; now a fifth day of illness in a row
        List<LocalDate> sessions = new ArrayList<>(days(MONDAY, 4));
        sessions.addAll(days(MONDAY.plusWeeks(7), 5));
        var earlier = new LetterSent("MEDICAL_EVIDENCE", "MEDICAL_TERM:2026/27:Autumn", MONDAY.plusDays(4), "SENT");
        var s = ill(MONDAY.plusWeeks(7).plusDays(4), sessions, List.of(earlier));
        var decided = LetterTriggers.decide(List.of(new MedicalEvidenceAfterIllnessSessionsInTerm(8), new EvidenceOnFifthConsecutiveIllnessDay(5)), s);
        assertThat(decided.letters()).singleElement().satisfies(d -> {
            assertThat(d.letter().triggerKey()).isEqualTo("ILLNESS_RUN:" + MONDAY.plusWeeks(7));
            assertThat(d.drafted()).isTrue();
        });
    }

    @Test
    void twoMedicalRequestsOfTheSameRunMakeOneLetterAndTheOtherIsKeptBackWithTheReason() {
        var s = ill(MONDAY.plusDays(4), days(MONDAY, 5), List.of());
        var decided = LetterTriggers.decide(List.of(new MedicalEvidenceAfterIllnessSessionsInTerm(8), new EvidenceOnFifthConsecutiveIllnessDay(5)), s);
        assertThat(decided.letters()).extracting(LetterTriggers.Decision::drafted).containsExactly(true, false);
        assertThat(decided.letters().get(1).suppressedBecause()).contains("same run").contains("MEDICAL_TERM:2026/27:Autumn");
    }

    @Test
    void anExceptionTheOfficeRecordedKeepsALetterBack() {
        var exception = new LetterException(1, 1, 1, "MEDICAL", "Known condition: consultant's letter on file", MONDAY, null, "Office", Instant.EPOCH);
        var s = PupilAttendanceSnapshot.of(1, MONDAY.plusDays(4)).illness(days(MONDAY, 5), MONDAY, ScriptedTerm.schoolDays(MONDAY, MONDAY.plusDays(4)))
                .exceptions(List.of(exception)).build();
        var decided = LetterTriggers.decide(List.of(new EvidenceOnFifthConsecutiveIllnessDay(5)), s);
        assertThat(decided.letters()).singleElement().satisfies(d -> assertThat(d.suppressedBecause()).contains("Known condition"));
    }

    @ParameterizedTest(name = "{0} unauthorised lates -> {1} letter(s)")
    @CsvSource({"3, 0", "4, 1"})
    void portsmouthWritesAboutPunctualityAfterMoreThanThreeUnauthorisedLates(int lates, int letters) {
        Figures f = Figures.of(Tally.ofMany(CodeCatalogue.on("U", MONDAY).orElseThrow(), lates, 0)
                .plus(Tally.ofMany(CodeCatalogue.on("/", MONDAY).orElseThrow(), 40, 0)));
        var s = PupilAttendanceSnapshot.of(1, LocalDate.of(2026, 10, 6)).term("Autumn", MONDAY, LocalDate.of(2026, 12, 18), f).build();
        assertThat(new PunctualityAfterUnauthorisedLates(3).evaluate(s)).hasSize(letters);
    }

    @Test
    void aPunctualityLetterOnASixthOfOctoberRunQuotesTheTermToTheSixthOfOctober() {
        Figures f = Figures.of(Tally.ofMany(CodeCatalogue.on("U", MONDAY).orElseThrow(), 4, 0));
        var s = PupilAttendanceSnapshot.of(1, LocalDate.of(2026, 10, 6)).term("Autumn", MONDAY, LocalDate.of(2026, 12, 18), f).build();
        var facts = (LetterFacts.Punctuality) new PunctualityAfterUnauthorisedLates(3).evaluate(s).get(0).facts();
        assertThat(facts.window().to()).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void thePenaltyWarningIsDueOncePerWindowOfTenUnauthorisedSessions() {
        var s = PupilAttendanceSnapshot.of(1, MONDAY.plusWeeks(2)).penaltyWindow(10, MONDAY, MONDAY.plusWeeks(3)).build();
        assertThat(new PenaltyWarningAfterTenUnauthorisedSessions().evaluate(s)).singleElement().satisfies(w -> {
            assertThat(w.triggerKey()).isEqualTo("PENALTY:" + MONDAY);
            assertThat(((LetterFacts.UnauthorisedAbsence) w.facts()).to()).as("never after the run").isEqualTo(MONDAY.plusWeeks(2));
        });
    }
}
