package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClausesTest {
    private static final Clauses.NameTest NAMES = w -> Set.of("zoya", "zaid", "kai", "lily", "cara").contains(w);

    @Test
    void aReplyIsCutWhereANewSubjectBegins() {
        assertThat(Clauses.split("kai is sick and lily has the dentist at 10", NAMES)).containsExactly("kai is sick", "lily has the dentist at 10");
        assertThat(Clauses.split("kai is sick but he will be back tomorrow", NAMES)).containsExactly("kai is sick", "he will be back tomorrow");
    }

    @Test
    void subjectsJoinedByAndStayTogether() {
        assertThat(Clauses.split("zoya and zaid have a fever", NAMES)).containsExactly("zoya and zaid have a fever");
    }

    @Test
    void sentencesAndSemicolonsAlwaysEndAClause() {
        assertThat(Clauses.split("cara has a cold. off till thursday; sorry", NAMES)).containsExactly("cara has a cold", "off till thursday", "sorry");
    }

    @Test
    void aListOfSymptomsAfterACommaStaysInItsClause() {
        assertThat(Clauses.split("cara has a cold, a cough and a temperature", NAMES)).containsExactly("cara has a cold, a cough and a temperature");
    }
}
