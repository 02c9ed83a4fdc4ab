package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {
    private static final RollChild NOAH = new RollChild(1, "Noah", null, RollChild.Sex.MALE, true);
    private static final RollChild ELLA = new RollChild(2, "Ella", null, RollChild.Sex.FEMALE, true);
    private static final RollChild ETHAN = new RollChild(3, "Ethan", null, RollChild.Sex.MALE, true);
    private static final RollChild DAISY = new RollChild(4, "Daisy", null, RollChild.Sex.FEMALE, false);

    @Test
    void bothMeansTheChildrenMarkedAbsent() {
        assertThat(References.bind("both off sick", List.of(NOAH, ELLA), List.of()).children()).containsExactly(NOAH, ELLA);
    }

    @Test
    void heIsTheOneAbsentBoyAndTwoAbsentBoysLeaveItUnclear() {
        assertThat(References.bind("he has a temperature", List.of(NOAH, ELLA), List.of()).children()).containsExactly(NOAH);
        References.Binding two = References.bind("he has a temperature", List.of(NOAH, ETHAN, ELLA), List.of());
        assertThat(two.ambiguous()).isTrue();
        assertThat(two.candidates()).containsExactly(NOAH, ETHAN);
    }

    @Test
    void aPronounContinuesTheChildThePreviousClauseNamed() {
        assertThat(References.bind("he will be back tomorrow", List.of(NOAH, ETHAN), List.of(ETHAN)).children()).containsExactly(ETHAN);
    }

    @Test
    void theGirlsAreTheAbsentChildrenRecordedAsFemale() {
        RollChild salma = new RollChild(5, "Salma", null, RollChild.Sex.FEMALE, true);
        assertThat(References.bind("the girls have a temperature", List.of(ELLA, salma, NOAH), List.of()).children()).containsExactly(ELLA, salma);
    }

    @Test
    void aCountThatFitsTheWholeRollIncludesAChildInSchool() {
        assertThat(References.bind("both off sick", List.of(NOAH, DAISY), List.of()).children()).containsExactly(NOAH, DAISY);
    }

    @Test
    void myTwoWithThreeChildrenAbsentIsUnclear() {
        assertThat(References.bind("my two are both sick", List.of(NOAH, ELLA, ETHAN), List.of()).ambiguous()).isTrue();
    }
}
