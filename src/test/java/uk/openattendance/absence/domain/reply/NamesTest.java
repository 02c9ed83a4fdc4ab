package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    private static RollChild child(long id, String legal, String preferred) {
        return new RollChild(id, legal, preferred, RollChild.Sex.UNKNOWN, true);
    }

    @Test
    void swappedLettersCostOneEditSoAMisspeltNameStillBinds() {
        assertThat(Names.distance("ameila", "amelia")).isEqualTo(1);
        List<RollChild> roll = List.of(child(1, "Amelia", null), child(2, "Oliver", "Ollie"));
        assertThat(Names.match(0, "Ameila", roll).flatMap(Names.Match::child)).map(RollChild::pupilId).contains(1L);
    }

    @Test
    void theLegalOrThePreferredNameBindsTheChild() {
        List<RollChild> roll = List.of(child(1, "Mohammed", "Mo"), child(2, "Aisha", null));
        assertThat(Names.match(0, "mo's", roll).flatMap(Names.Match::child)).map(RollChild::pupilId).contains(1L);
        assertThat(Names.match(0, "mohammed", roll).flatMap(Names.Match::child)).map(RollChild::pupilId).contains(1L);
    }

    @Test
    void aMisspellingThatFitsTwoChildrenEquallyBindsToNeither() {
        List<RollChild> roll = List.of(child(1, "Marek", null), child(2, "Maren", null));
        Names.Match m = Names.match(0, "mare", roll).orElseThrow();
        assertThat(m.ambiguous()).isTrue();
        assertThat(m.candidates()).hasSize(2);
    }

    @Test
    void anOrdinaryEnglishWordIsNeverReadAsAMisspeltName() {
        assertThat(Names.match(0, "poor", List.of(child(1, "Noor", null)))).isEmpty();
    }

    @Test
    void aNameThatSoundsTheSameBinds() {
        assertThat(Names.match(0, "jaxon", List.of(child(1, "Jackson", null))).flatMap(Names.Match::child)).isPresent();
    }
}
