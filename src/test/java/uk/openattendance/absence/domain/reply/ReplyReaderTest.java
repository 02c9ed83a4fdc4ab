package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Term;

class ReplyReaderTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final SchoolCalendar TERM = new SchoolCalendar(
            List.of(new Term("2026/27", "Autumn", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18), null, null)), List.<Closure>of());
    private static final RollChild KAI = new RollChild(1, "Kai", null, RollChild.Sex.MALE, true);
    private static final RollChild LILY = new RollChild(2, "Lily", null, RollChild.Sex.FEMALE, true);
    private static final RollChild ROSE = new RollChild(3, "Rose", null, RollChild.Sex.FEMALE, false);

    private static ReplyReading read(String text, RollChild... roll) {
        return ReplyReader.read(text, List.of(roll), MONDAY, TERM, ReaderSettings.standard());
    }

    private static List<String> notations(ReplyReading r) {
        return r.children().stream().map(c -> c.outcome().notation()).toList();
    }

    @Test
    void eachChildGetsTheirOwnReason() {
        ReplyReading r = read("Kai is sick, Lily is on her way", KAI, LILY);
        assertThat(notations(r)).containsExactly("I..2026-11-23", "LATE");
        assertThat(r.forAPerson()).isFalse();
    }

    @Test
    void aPartialAnswerCodesWhatIsClearAndQueuesTheRest() {
        ReplyReading r = read("Kai has a temperature", KAI, LILY);
        assertThat(notations(r)).containsExactly("I..2026-11-23", "UNEXPLAINED");
        assertThat(((ChildOutcome.Coded) r.children().get(0).outcome()).applies()).isTrue();
        assertThat(r.reviews()).containsExactly(ReviewReason.PARTIAL);
    }

    @Test
    void aChildInSchoolNamedAsAbsentIsNeverCoded() {
        ReplyReading r = read("Rose is off with a cold", KAI, ROSE);
        assertThat(notations(r)).containsExactly("UNEXPLAINED", "NONE");
        assertThat(r.reviews()).contains(ReviewReason.PRESENT_CHILD_NAMED);
    }

    @Test
    void anAbsenceLongerThanTheSelfCertificationLimitCodesOnlyToday() {
        ReplyReading r = read("Kai has glandular fever, the GP says two weeks off", KAI);
        ChildOutcome.Coded coded = (ChildOutcome.Coded) r.children().get(0).outcome();
        assertThat(coded.lastDay()).isEqualTo("2026-12-04");
        assertThat(coded.applyThrough()).contains(MONDAY);
        assertThat(r.reviews()).contains(ReviewReason.OVER_SELF_CERT_LIMIT);
    }

    @Test
    void holidaysAndBereavementsAreSuggestedAndNeverApplied() {
        ReplyReading holiday = read("We're in Spain till Friday", KAI);
        assertThat(holiday.children().get(0).outcome()).isInstanceOf(ChildOutcome.Coded.class);
        assertThat(((ChildOutcome.Coded) holiday.children().get(0).outcome()).applyThrough()).isEqualTo(Optional.empty());
        assertThat(holiday.reviews()).contains(ReviewReason.HOLIDAY);
        ReplyReading funeral = read("Kai is at his grandad's funeral", KAI);
        assertThat(notations(funeral)).containsExactly("C..2026-11-23");
        assertThat(((ChildOutcome.Coded) funeral.children().get(0).outcome()).applies()).isFalse();
    }

    @Test
    void aFamilySayingTheChildIsInSchoolIsUrgentForAPerson() {
        ReplyReading r = read("He's in school, I dropped him at the gate", KAI);
        assertThat(notations(r)).containsExactly("PERSON");
        assertThat(r.urgent()).isTrue();
    }

    @Test
    void anotherLanguageIsSuggestedButNeverApplied() {
        ReplyReading r = read("Dzień dobry, Kai jest chory, ma gorączkę.", KAI);
        assertThat(notations(r)).containsExactly("I..2026-11-23");
        assertThat(((ChildOutcome.Coded) r.children().get(0).outcome()).applies()).isFalse();
        assertThat(r.reviews()).contains(ReviewReason.OTHER_LANGUAGE);
    }

    @Test
    void aNameThatFitsNoChildSendsTheReplyToAPerson() {
        ReplyReading r = read("Tom has a temperature", KAI);
        assertThat(notations(r)).containsExactly("PERSON");
        assertThat(r.reviews()).contains(ReviewReason.UNCLEAR);
    }

    @Test
    void aSchoolThatAsksForMoreConfidenceGetsMoreRepliesReviewed() {
        ReplyReading r = ReplyReader.read("Kai is poorly", List.of(KAI), MONDAY, TERM, new ReaderSettings(5, 0.99));
        assertThat(((ChildOutcome.Coded) r.children().get(0).outcome()).applies()).isFalse();
        assertThat(r.reviews()).contains(ReviewReason.UNCLEAR);
    }

    @Test
    void aSenderWithNoChildrenIsAnUnknownSender() {
        assertThat(ReplyReader.read("Kai is ill", List.of(), MONDAY, TERM, ReaderSettings.standard()).reviews()).containsExactly(ReviewReason.UNKNOWN_SENDER);
    }

    @Test
    void safeguardingWordsSendTheChildToAPerson() {
        ReplyReading r = read("His dad took him and won't tell me where", KAI, LILY);
        assertThat(notations(r).get(0)).isEqualTo("PERSON");
        assertThat(r.reviews()).contains(ReviewReason.SAFEGUARDING);
    }

    @Test
    void anIllnessAmongWordsTheReaderHasNeverSeenIsSuggestedNotApplied() {
        ReplyReading r = read("Kai has a temperature apparently, allegedly shamming per grandmama", KAI);
        assertThat(notations(r)).containsExactly("I..2026-11-23");
        assertThat(((ChildOutcome.Coded) r.children().get(0).outcome()).applies()).isFalse();
        assertThat(r.forAPerson()).isTrue();
    }

    @Test
    void aLateArrivalSaidAsATimeToBeThereIsALateArrival() {
        assertThat(notations(read("running l8 bus never turned up, b there for 10", KAI))).containsExactly("LATE");
        assertThat(notations(read("Missed the bus, walking in now", KAI))).containsExactly("LATE");
    }

    @Test
    void anAppointmentThatIsNotMedicalIsNeverCodedM() {
        ReplyReading r = read("Hair appointment at 10, she'll be in after", LILY);
        assertThat(r.children().get(0).outcome()).isInstanceOf(ChildOutcome.ForPerson.class);
        assertThat(r.forAPerson()).isTrue();
    }

    @Test
    void aChildsNameDoesNotMoveTheReadingOfTheSameWords() {
        for (String name : List.of("Tom", "Tess", "Kai", "Zofia")) {
            RollChild child = new RollChild(9, name, null, RollChild.Sex.UNKNOWN, true);
            ReplyReading r = read(name + " has a temperature, keeping them off today", child);
            assertThat(((ChildOutcome.Coded) r.children().get(0).outcome()).applies()).as(name).isTrue();
        }
    }
}
