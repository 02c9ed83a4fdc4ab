package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.openattendance.followup.domain.Morning.MONDAY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.notify.domain.MessagePurpose;

/** At escalation and at safe-by: which cases close as explained, which children the designated lead must hear about. */
class EscalationTest {

    /** "1:CALL 2:ESCALATED" → cases of pupils 1 and 2 (case id = pupil id + 100). */
    static List<FollowUpCase> cases(String text) {
        List<FollowUpCase> out = new ArrayList<>();
        if (text != null) {
            for (String c : Arrays.stream(text.trim().split("\\s+")).toList()) {
                long pupil = Long.parseLong(c.split(":")[0]);
                out.add(new FollowUpCase(pupil + 100, pupil, FollowUpStatus.valueOf(c.split(":")[1])));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                                  | cases                      | still unexplained | closed as explained | lead told about
            "a child still unexplained is escalated                  | 1:CALL                     | 1                 |                     | 1",
            "a child who arrived or was reported closes as explained | 1:CALL 2:CALL              | 2                 | 1                   | 2",
            "an escalated case is told again at safe-by              | 1:ESCALATED                | 1                 |                     | 1",
            "a case the office closed as safe is left alone          | 1:SAFE 2:EXPLAINED         | 1 2               |                     | ",
            "everyone explained: nobody to tell                      | 1:CALL 3:ESCALATED         |                   | 1 3                 | ",
    })
    void onlyChildrenStillUnexplainedOnAnOpenCaseAreEscalated(String name, String cases, String still, String explained, String notSafe) {
        Escalation.Decision d = Escalation.decide(Escalation.AT_SAFE_BY, cases(cases), Morning.longs(still));

        assertThat(d.explained()).extracting(FollowUpCase::pupilId).containsExactlyInAnyOrderElementsOf(Morning.longs(explained));
        assertThat(d.notSafePupils()).containsExactlyInAnyOrderElementsOf(Morning.longs(notSafe));
        assertThat(d.closingNote()).isEqualTo("Arrived or reported before safe_by");
    }

    @Test
    void theLeadsEmailNamesEachChildWithFormAndVulnerabilityOncePerStage() {
        Message alert = Escalation.alert(MONDAY, Escalation.AT_ESCALATION, "dsl@example.org", List.of(Morning.CARA, Morning.AMELIA));

        assertThat(alert.purpose()).isEqualTo(MessagePurpose.SAFE_BY_ALERT);
        assertThat(alert.urgent()).isTrue();
        assertThat(alert.to().first().address()).isEqualTo("dsl@example.org");
        assertThat(alert.fields()).containsEntry("children", "Cara Price (Y2) - vulnerable; Amelia Okafor (Y1)").containsEntry("date", "Mon 23 Nov");
        assertThat(alert.key()).isEqualTo("2026-11-23:ESCALATION");
        assertThat(Escalation.outcome(Escalation.AT_ESCALATION, 2, "dsl@example.org"))
                .isEqualTo("2 child(ren) not yet known to be safe at escalation: designated lead (dsl@example.org) emailed");
        assertThat(Escalation.outcome(Escalation.AT_SAFE_BY, 0, null)).isEqualTo("Every absent child is known to be safe or explained.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "the policy's designated lead                 | dsl@example.org | office@example.org | dsl@example.org",
            "no lead set: the school's own email          |                 | office@example.org | office@example.org",
            "a blank lead counts as none                  | \"   \"         | office@example.org | office@example.org",
            "neither: a placeholder the outbox shows      |                 |                    | attendance-lead@example.org",
    })
    void alertsGoToTheDesignatedLeadElseTheSchoolsEmail(String name, String lead, String school, String expected) {
        assertThat(Escalation.leadEmail(lead, school)).isEqualTo(expected);
    }

    @Test
    void theCallListPutsChildrenStillToCallFirstVulnerableFirstThenByName() {
        record Line(String status, boolean vulnerable, String name) {}
        List<Line> lines = new ArrayList<>(List.of(new Line("SAFE", true, "Ada"), new Line("CALL", false, "Bea"), new Line("ESCALATED", true, "Zoe"),
                new Line("CALL", false, "Abe"), new Line("EXPLAINED", false, "Cy")));
        lines.sort(FollowUpCase.callOrder(Line::status, Line::vulnerable, Line::name));
        assertThat(lines).extracting(Line::name).containsExactly("Zoe", "Abe", "Bea", "Ada", "Cy");
    }
}
