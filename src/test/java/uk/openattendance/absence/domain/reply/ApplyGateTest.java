package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.openattendance.absence.domain.reply.ApplyGate.Evidence;
import uk.openattendance.absence.domain.reply.ApplyGate.Rule;

/** Each rule of the gate on applying, named after the child it keeps on the first-day chain. */
class ApplyGateTest {
    private static Evidence clear(String text) {
        return new Evidence(text, true, true, false, false, true);
    }

    @Test
    void aPlainIllnessOfANamedChildIsApplied() {
        assertThat(ApplyGate.codedBreaks(clear("amelia has a temperature. keeping her off today"))).isEmpty();
    }

    @Test
    void reasonsPointingToDifferentCodesAreLeftToTheOffice() {
        // an abscess is an illness (I) though a dentist is rung; a doctor's visit before school may be M rather than L
        assertThat(ApplyGate.competing(Reason.MEDICAL, Lexicon.hits("dental abscess, her face has swollen up, waiting for the dentist to ring back"))).isTrue();
        assertThat(ApplyGate.competing(Reason.LATE, Lexicon.hits("she is at the doctors first then i will bring her in"))).isTrue();
        assertThat(ApplyGate.competing(Reason.LATE, Lexicon.hits("it is his grandad's cremation at 11 so we will bring him in for the afternoon"))).isTrue();
        assertThat(ApplyGate.codedBreaks(new ApplyGate.Evidence("x", true, true, false, false, true, 0, true))).contains(Rule.COMPETING_REASONS);
    }

    @Test
    void aLateArrivalBesideAnIllnessIsLeftToTheOffice() {
        // the lateness may be bound to the ill child, or the morning may be I rather than L
        assertThat(ApplyGate.competing(Reason.LATE, Lexicon.hits("zosia has got the runs, filip is just late because i had to clean her up, leaving now"))).isTrue();
    }

    @Test
    void aLateChildOnTheNextBusOrLeavingNowIsComingInToday() {
        assertThat(ApplyGate.lateBreaks(clear("train cancelled, lars is on the next one, should be about 10.15"))).isEmpty();
        assertThat(ApplyGate.lateBreaks(clear("overslept, alarm did not go off, coming now"))).isEmpty();
        assertThat(ApplyGate.lateBreaks(clear("thomas is late because of the ice on the roads"))).isEmpty();
        assertThat(ApplyGate.lateBreaks(clear("poppy was late on friday because of the bus"))).isNotEmpty();
    }

    @Test
    void oneReasonAloneDoesNotCompeteWithItself() {
        assertThat(ApplyGate.competing(Reason.ILLNESS, Lexicon.hits("he has a sickness bug and a temperature"))).isFalse();
        assertThat(ApplyGate.competing(Reason.LATE, Lexicon.hits("stuck in traffic, be there in 10"))).isFalse();
        assertThat(ApplyGate.competing(Reason.MEDICAL, Lexicon.hits("orthodontist appointment at 9, back by lunch"))).isFalse();
    }

    @Test
    void aChildWhoseIllnessIsDeniedIsNotCodedIll() {
        assertThat(ApplyGate.codedBreaks(clear("ella is not ill. she just will not get out of bed"))).contains(Rule.NEGATION);
        assertThat(ApplyGate.codedBreaks(clear("ruby is no longer poorly"))).contains(Rule.NEGATION);
    }

    @Test
    void notComingInAndNotWellAreNotNegationsOfTheReason() {
        assertThat(ApplyGate.codedBreaks(clear("jacob cannot come in. he is not well"))).isEmpty();
        assertThat(ApplyGate.codedBreaks(clear("sophie will not be in today. she has a sickness bug"))).isEmpty();
    }

    @Test
    void aHedgedOrConditionalReasonIsOnlySuggested() {
        assertThat(ApplyGate.codedBreaks(clear("i think max might have chickenpox"))).contains(Rule.HEDGE);
        assertThat(ApplyGate.codedBreaks(clear("theo may have a tummy bug"))).contains(Rule.HEDGE);
        assertThat(ApplyGate.codedBreaks(clear("not sure what is wrong with evie"))).contains(Rule.HEDGE);
    }

    @Test
    void lettingTheOfficeKnowAboutTomorrowIsNotAHedgeOnToday() {
        assertThat(ApplyGate.codedBreaks(clear("riley is not well. i will let you know if he is well enough tomorrow"))).isEmpty();
    }

    @Test
    void anIllnessOnAnotherDayDoesNotExplainToday() {
        assertThat(ApplyGate.codedBreaks(clear("jack was ill last week. sorry i forgot"))).contains(Rule.ANOTHER_DAY);
        assertThat(ApplyGate.codedBreaks(clear("mia was off sick on friday. she is fine now"))).contains(Rule.ANOTHER_DAY);
        assertThat(ApplyGate.codedBreaks(clear("finn hurt his ankle yesterday. it is sprained"))).isEmpty();
    }

    @Test
    void someoneElsesIllnessIsNotTheChilds() {
        assertThat(ApplyGate.codedBreaks(clear("my mum is ill so the kids are with me"))).contains(Rule.ANOTHER_PERSON);
        assertThat(ApplyGate.codedBreaks(clear("i am sick and cannot get poppy to school"))).contains(Rule.ANOTHER_PERSON);
        assertThat(ApplyGate.codedBreaks(clear("ted's brother has got chickenpox"))).contains(Rule.ANOTHER_PERSON);
    }

    @Test
    void aChildOnlyTheObjectOfTheParentsClauseIsNotAppliedByPronoun() {
        Evidence byPronoun = new Evidence("i am taking her to the hospital for her hearing test", false, true, false, false, true);
        assertThat(ApplyGate.codedBreaks(byPronoun)).contains(Rule.CHILD_AS_OBJECT);
        Evidence subject = new Evidence("she has a temperature. i am keeping her off", false, true, false, false, true);
        assertThat(ApplyGate.codedBreaks(subject)).doesNotContain(Rule.CHILD_AS_OBJECT);
    }

    @Test
    void aChildNotBoundForCertainIsNotApplied() {
        assertThat(ApplyGate.codedBreaks(new Evidence("has a temperature", false, false, false, false, true))).contains(Rule.CHILD_NOT_BOUND_FOR_CERTAIN);
    }

    @Test
    void aReplyWithASubjectNobodyCouldPlaceAppliesNothing() {
        assertThat(ApplyGate.codedBreaks(new Evidence("ben has a cough", true, true, true, false, true))).contains(Rule.UNRESOLVED_SUBJECT);
    }

    @Test
    void theModelAloneOrAgainstTheLexiconNeverApplies() {
        assertThat(ApplyGate.codedBreaks(new Evidence("grommets", true, true, false, true, false))).contains(Rule.MODEL_ONLY);
        assertThat(ApplyGate.codedBreaks(new Evidence("ben has a cough", true, true, false, false, false))).contains(Rule.MODEL_DISAGREES);
    }

    @Test
    void aLateArrivalAppliesOnlyWhenTheChildIsComingInToday() {
        assertThat(ApplyGate.lateBreaks(clear("running late. on our way"))).isEmpty();
        assertThat(ApplyGate.lateBreaks(clear("she will be in by 10"))).isEmpty();
        assertThat(ApplyGate.lateBreaks(clear("late night last night so she is too tired to come in"))).contains(Rule.LATE_NOT_CLEARLY_TODAY);
        assertThat(ApplyGate.lateBreaks(clear("not coming in today. the car broke down"))).contains(Rule.LATE_NOT_CLEARLY_TODAY);
        assertThat(ApplyGate.lateBreaks(clear("evie might be in later if she feels better"))).contains(Rule.HEDGE);
    }

    @Test
    void aReadingBesideSeveralWordsNoReplyEverUsedIsOnlySuggested() {
        Evidence strange = new Evidence("ben has a cough but supposedly pretending", true, true, false, false, true, 3);
        assertThat(ApplyGate.codedBreaks(strange)).contains(Rule.UNFAMILIAR_WORDS);
        assertThat(ApplyGate.lateBreaks(new Evidence("ben is on his way, flibbered the glonk", true, true, false, false, true, 2))).doesNotContain(Rule.UNFAMILIAR_WORDS);
        assertThat(ApplyGate.lateBreaks(new Evidence("ben is on his way, flibbered the glonk wibbly", true, true, false, false, true, 3))).contains(Rule.UNFAMILIAR_WORDS);
    }

    @Test
    void oneNewWordAloneDoesNotStopAReading() {
        assertThat(ApplyGate.codedBreaks(new Evidence("ben has a stinking cough", true, true, false, false, true, 1))).isEmpty();
    }
}
