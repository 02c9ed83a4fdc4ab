package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.openattendance.followup.domain.Morning.CONTACTS;
import static uk.openattendance.followup.domain.Morning.MONDAY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.school.domain.ContactRouting;

/** The first text as a table: who is texted, in which message, who waits and who is left to the office's call. */
class FirstTextsTest {

    static FirstTexts.Decision decide(ContactRouting routing, String unexplained, String groupsNotTaken, String alreadyTexted) {
        List<Child> still = Morning.children(unexplained).stream().sorted(Child.VULNERABLE_FIRST).toList();
        List<String> waiting = Morning.longs(groupsNotTaken).stream().sorted().map(g -> "Group " + g + " AM (not taken)").toList();
        return FirstTexts.decide(new FirstTexts.Morning(MONDAY, routing, still, Morning.longs(groupsNotTaken), waiting, Morning.ids(alreadyTexted), CONTACTS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                                         | routing                               | unexplained     | groups not taken | texted before | texts (contact: children)       | urgent  | social workers told
            "siblings share one text to the contact they share              | PRIORITY_ONE                          | Amelia Ben      |    |            | 101 Amelia and Ben                   |         | 0",
            "a vulnerable child's family is texted first, and urgently       | PRIORITY_ONE                          | Amelia Cara     |    |            | 103 Cara; 101 Amelia                 | 103     | 0",
            "a child with no contact to text gets no text                   | PRIORITY_ONE                          | Dev             |    |            |                                      |         | 0",
            "a child with a social worker: the worker is told too           | PRIORITY_ONE                          | Ella            |    |            | 105 Ella                             | 105     | 1",
            "parental-responsibility routing texts each parent              | ALL_WITH_PARENTAL_RESPONSIBILITY      | Finn Ella       |    |            | 105 Ella and Finn; 106 Ella and Finn | 105 106 | 1",
            "resident routing leaves out the parent who lives apart         | RESIDENT_WITH_PARENTAL_RESPONSIBILITY | Finn            |    |            | 105 Finn                             |         | 0",
            "a group whose register is not taken waits; others are texted   | PRIORITY_ONE                          | Amelia Cara Dev | 20 |            | 101 Amelia                           |         | 0",
            "every group waiting: nobody is texted yet                      | PRIORITY_ONE                          | Amelia Cara     | 10 20 |         |                                      |         | 0",
            "a later pass texts only children not texted about before       | PRIORITY_ONE                          | Amelia Ben Cara |    | Amelia Ben | 103 Cara                             | 103     | 0",
            "nobody unexplained: no texts                                   | PRIORITY_ONE                          |                 |    |            |                                      |         | 0",
    })
    void theFirstTextGoesOncePerFamilyContactWithSiblingsTogetherAndVulnerableChildrenFirst(String name, ContactRouting routing, String unexplained,
            String groupsNotTaken, String alreadyTexted, String texts, String urgent, int socialWorkers) {
        FirstTexts.Decision d = decide(routing, unexplained, groupsNotTaken, alreadyTexted);

        List<Message> family = d.messages().stream().filter(m -> m.purpose() == MessagePurpose.FIRST_DAY_ABSENCE).toList();
        assertThat(Morning.briefs(family)).containsExactlyElementsOf(Morning.list(texts));
        assertThat(family.stream().filter(Message::urgent).map(m -> m.to().first().contactId()).toList())
                .containsExactlyInAnyOrderElementsOf(Morning.longs(urgent));
        assertThat(d.messages().stream().filter(m -> m.purpose() == MessagePurpose.SOCIAL_WORKER_ALERT)).hasSize(socialWorkers);
        assertThat(d.socialWorkers()).isEqualTo(socialWorkers);
    }

    @Test
    void theSocialWorkerIsEmailedAboutTheirChildOnlyAndAlertsGoBeforeTheFamilyTexts() {
        FirstTexts.Decision d = decide(ContactRouting.PRIORITY_ONE, "Ella Amelia", "", "");

        Message alert = d.messages().get(0);
        assertThat(alert.purpose()).isEqualTo(MessagePurpose.SOCIAL_WORKER_ALERT);
        assertThat(alert.to().first().address()).isEqualTo("sw@example.org");
        assertThat(alert.fields()).containsEntry("children", "Ella Ward").containsEntry("date", "Mon 23 Nov");
        assertThat(alert.key()).isEqualTo("2026-11-23:pupil 5");
        assertThat(alert.pupilIds()).containsExactly(5L);
    }

    @Test
    void theFirstPassIsKeyedByTheDayAndALaterPassByItsChildrenSoTheOutboxTellsThemApart() {
        assertThat(decide(ContactRouting.PRIORITY_ONE, "Amelia Ben", "", "").messages()).extracting(Message::key).containsExactly("2026-11-23");
        assertThat(decide(ContactRouting.PRIORITY_ONE, "Amelia Ben Cara", "", "Cara").messages()).extracting(Message::key)
                .containsExactly("2026-11-23:1,2");
    }

    @Test
    void theTextNamesTheChildrenTheWayTheFamilyDoesAndTheDay() {
        Message text = decide(ContactRouting.PRIORITY_ONE, "Ben Amelia", "", "").messages().get(0);

        assertThat(text.fields()).containsEntry("children", "Amelia and Ben").containsEntry("date", "Mon 23 Nov");
        assertThat(text.pupilIds()).containsExactly(1L, 2L);
        // priority-one routing: Mum's mobile first, then her email for the dispatcher to fall back on
        assertThat(text.to().fallbacks()).extracting(t -> t.address()).containsExactly("okafor@example.org");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "nobody absent                       |                 |    |      | 0 | No unexplained absences this morning: no texts.",
            "everyone already texted about       | Amelia          |    | Amelia | 0 | No unexplained absences not yet texted about.",
            "texts queued, one child unreachable | Amelia Ben Dev  |    |      | 1 | 3 pupil(s) absent without explanation; 1 family text(s) and 0 social-worker alert(s) queued (1 new); no contact to text for Dev Shah (on the call list)",
            "a register not taken is named       | Amelia Cara     | 20 |      | 1 | 1 pupil(s) absent without explanation; 1 family text(s) and 0 social-worker alert(s) queued (1 new); waiting for the register of Group 20 AM (not taken) (those families are texted once it is taken)",
            "nothing to text but a group waits   | Cara            | 20 |      | 0 | No unexplained absences this morning: no texts.; waiting for the register of Group 20 AM (not taken) (those families are texted once it is taken)",
    })
    void theJobsOutcomeSaysWhatWasQueuedWhoCouldNotBeTextedAndWhichRegistersItWaitsFor(String name, String unexplained, String groupsNotTaken,
            String texted, int queued, String outcome) {
        assertThat(decide(ContactRouting.PRIORITY_ONE, unexplained, groupsNotTaken, texted).outcome(queued)).isEqualTo(outcome);
    }
}
