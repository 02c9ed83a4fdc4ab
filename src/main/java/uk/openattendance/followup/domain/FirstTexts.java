package uk.openattendance.followup.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.school.domain.ContactRouting;

/**
 * The first text of the first-day response: who is texted, in which message, and who cannot be. Policy 000:
 * "Parents will be informed of their child's absence and asked to contact the school using a text message"; policy
 * 002: "respond to unexplained absence on the first morning of absence, usually through a text message".
 */
public final class FirstTexts {
    private FirstTexts() {}

    /**
     * The morning as loaded: the children still unexplained (vulnerable first), the register groups whose morning
     * register is not wholly taken (and how staff name them), the children a first text has already been about today,
     * and each child's contacts.
     */
    public record Morning(LocalDate date, ContactRouting routing, List<Child> unexplained, Set<Long> groupsNotTaken, List<String> registersNotTaken,
            Set<Long> alreadyTexted, Map<Long, List<Recipients.Contact>> contacts) {}

    /** What one pass decided. {@code messages} are the social workers' alerts, then one text per family. */
    public record Decision(List<Message> messages, int absent, int families, int socialWorkers, List<Child> unreachable, boolean textedBefore,
            List<String> registersNotTaken) {

        /** In words staff read, once the outbox has said how many of the messages were new. */
        public String outcome(int queued) {
            String wait = registersNotTaken.isEmpty() ? "" : "; waiting for the register of " + String.join(", ", registersNotTaken)
                    + " (those families are texted once it is taken)";
            if (absent == 0) {
                return (textedBefore ? "No unexplained absences not yet texted about." : "No unexplained absences this morning: no texts.") + wait;
            }
            return absent + " pupil(s) absent without explanation; " + families + " family text(s) and " + socialWorkers + " social-worker alert(s) queued ("
                    + queued + " new)" + (unreachable.isEmpty() ? "" : "; no contact to text for "
                    + unreachable.stream().map(Child::displayName).collect(Collectors.joining(", ")) + " (on the call list)") + wait;
        }
    }

    public static Decision decide(Morning m) {
        List<Child> toText = m.unexplained().stream().filter(RegisterFirst.taken(m.groupsNotTaken())).filter(c -> !m.alreadyTexted().contains(c.id())).toList();
        record Family(Recipients.Plan plan, List<Child> children) {}
        Map<Long, Family> families = new LinkedHashMap<>();
        List<Child> unreachable = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        int socialWorkers = 0;
        for (Child c : toText) {
            List<Recipients.Contact> contacts = m.contacts().getOrDefault(c.id(), List.of());
            List<Recipients.Plan> plans = Recipients.route(m.routing(), contacts);
            if (plans.isEmpty()) {
                unreachable.add(c); // nobody to text: the office phones instead
            }
            // siblings in one message: each text goes to a contact, listing every child of theirs absent unexplained
            for (Recipients.Plan plan : plans) {
                families.computeIfAbsent(plan.first().contactId(), k -> new Family(plan, new ArrayList<>())).children().add(c);
            }
            // policies 000, 001, 003 (DfE roles table): "Inform the pupil's social worker if there are any unexplained absences"
            if (c.hasSocialWorker()) {
                for (Recipients.Plan plan : Recipients.socialWorkers(contacts)) {
                    messages.add(new Message(MessagePurpose.SOCIAL_WORKER_ALERT, m.date() + ":pupil " + c.id(), true, plan,
                            Map.of("children", c.displayName(), "date", Wording.DAY.format(m.date())), List.of(c.id())));
                    socialWorkers++;
                }
            }
        }
        boolean textedBefore = !m.alreadyTexted().isEmpty();
        for (Family f : families.values()) {
            // "these families will be contacted first": a text about a vulnerable child goes ahead of the others
            boolean care = f.children().stream().anyMatch(Child::needsCare);
            // a later pass texts only children not texted about before, under a key of its own so the outbox does not take it for the first
            String key = textedBefore ? m.date() + ":" + f.children().stream().map(c -> String.valueOf(c.id())).sorted().collect(Collectors.joining(","))
                    : m.date().toString();
            messages.add(new Message(MessagePurpose.FIRST_DAY_ABSENCE, key, care, f.plan(),
                    Map.of("children", Wording.children(f.children()), "date", Wording.DAY.format(m.date())), f.children().stream().map(Child::id).toList()));
        }
        return new Decision(messages, toText.size(), families.size(), socialWorkers, unreachable, textedBefore, m.registersNotTaken());
    }
}
