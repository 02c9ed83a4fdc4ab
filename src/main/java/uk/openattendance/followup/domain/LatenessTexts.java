package uk.openattendance.followup.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.school.domain.ContactRouting;
import uk.openattendance.school.domain.Session;

/**
 * Policy 003: "Each morning, after the register has closed, each parent/carer (priority 1) of children arriving after
 * 9am are notified by text that their child was late." One notice per child marked L or U in the session, to the
 * contacts the school's lateness routing names, once per child and session.
 */
public final class LatenessTexts {
    private LatenessTexts() {}

    /** A late mark as the register holds it: L (late before registers closed) or U (after). */
    public record LateMark(long pupilId, String session, String code, int minutesLate) {}

    public record Decision(int latePupils, List<Message> messages) {
        public String outcome(int queued) {
            return latePupils + " pupil(s) late; " + messages.size() + " text(s) (" + queued + " new)";
        }
    }

    /** The session's late pupils, each once (the first of their marks, L read before U), whose details are to be loaded. */
    public static Map<Long, LateMark> latePupils(Session session, List<LateMark> marks) {
        Map<Long, LateMark> byPupil = new LinkedHashMap<>();
        marks.stream().filter(m -> m.session().equals(session.name())).forEach(m -> byPupil.putIfAbsent(m.pupilId(), m));
        return byPupil;
    }

    /** {@code children} are the late pupils as loaded (their order is the texts' order). */
    public static Decision decide(LocalDate date, Session session, ContactRouting routing, Map<Long, LateMark> late, List<Child> children,
            Map<Long, List<Recipients.Contact>> contacts) {
        List<Message> messages = new ArrayList<>();
        for (Child c : children) {
            LateMark m = late.get(c.id());
            for (Recipients.Plan plan : Recipients.route(routing, contacts.getOrDefault(c.id(), List.of()))) {
                messages.add(new Message(MessagePurpose.LATENESS, date + ":" + session + ":pupil " + c.id(), false, plan,
                        Map.of("children", Wording.children(List.of(c)), "session", Wording.session(session), "minutesLate", String.valueOf(m.minutesLate())),
                        List.of(c.id())));
            }
        }
        return new Decision(late.size(), messages);
    }
}
