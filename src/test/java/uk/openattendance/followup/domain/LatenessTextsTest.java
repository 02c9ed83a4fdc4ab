package uk.openattendance.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.openattendance.followup.domain.Morning.CONTACTS;
import static uk.openattendance.followup.domain.Morning.MONDAY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.Session;

/** Policy 003's lateness text: after the register closes, to the contacts the school names, once per child and session. */
class LatenessTextsTest {

    /** "Amelia:AM:L:5 Ben:PM:U:40" → marks in that order. */
    static List<LatenessTexts.LateMark> marks(String text) {
        List<LatenessTexts.LateMark> out = new ArrayList<>();
        if (text != null) {
            for (String m : Arrays.stream(text.trim().split("\\s+")).toList()) {
                String[] p = m.split(":");
                out.add(new LatenessTexts.LateMark(Morning.children(p[0]).get(0).id(), p[1], p[2], Integer.parseInt(p[3])));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // case                                                   | session | routing                          | marks                        | notices (contact: child)  | late pupils
            "a child late this morning: the priority-one contact      | AM      | PRIORITY_ONE                     | Amelia:AM:L:5                | 101 Amelia                | 1",
            "siblings late get a notice each, not one together        | AM      | PRIORITY_ONE                     | Amelia:AM:L:5 Ben:AM:U:35    | 101 Amelia; 101 Ben       | 2",
            "the afternoon's notices leave the morning's lates alone   | PM      | PRIORITY_ONE                     | Amelia:AM:L:5 Ben:PM:L:10    | 101 Ben                   | 1",
            "each parent with responsibility, where the school says so | AM      | ALL_WITH_PARENTAL_RESPONSIBILITY | Finn:AM:U:45                 | 105 Finn; 106 Finn        | 1",
            "a child with nobody to text is counted but not texted     | AM      | PRIORITY_ONE                     | Dev:AM:L:3                   |                           | 1",
            "nobody late                                              | AM      | PRIORITY_ONE                     |                              |                           | 0",
    })
    void eachLateChildsFamilyIsToldOncePerSession(String name, Session session, ContactRouting routing, String marks, String notices, int late) {
        Map<Long, LatenessTexts.LateMark> byPupil = LatenessTexts.latePupils(session, marks(marks));
        List<Child> children = Morning.ALL.stream().filter(c -> byPupil.containsKey(c.id())).toList();

        LatenessTexts.Decision d = LatenessTexts.decide(MONDAY, session, routing, byPupil, children, CONTACTS);

        assertThat(Morning.briefs(d.messages())).containsExactlyElementsOf(Morning.list(notices));
        assertThat(d.latePupils()).isEqualTo(late);
    }

    @Test
    void theNoticeSaysWhichSessionAndHowLateUnderAKeyOfChildAndSession() {
        Map<Long, LatenessTexts.LateMark> byPupil = LatenessTexts.latePupils(Session.PM, marks("Ben:PM:L:12 Ben:PM:U:40"));
        LatenessTexts.Decision d = LatenessTexts.decide(MONDAY, Session.PM, ContactRouting.PRIORITY_ONE, byPupil, List.of(Morning.BEN), CONTACTS);

        assertThat(d.messages()).singleElement().satisfies(m -> {
            // the first mark read (L before U) is the one the family hears about
            assertThat(m.fields()).containsEntry("children", "Ben").containsEntry("session", "afternoon").containsEntry("minutesLate", "12");
            assertThat(m.key()).isEqualTo("2026-11-23:PM:pupil 2");
            assertThat(m.urgent()).isFalse();
        });
        assertThat(d.outcome(1)).isEqualTo("1 pupil(s) late; 1 text(s) (1 new)");
    }
}
