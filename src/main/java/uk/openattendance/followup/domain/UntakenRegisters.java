package uk.openattendance.followup.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.Session;

/**
 * Issue 12, item 9: "a register not taken by its close is itself an alert to the office". Policy 000 names the office's
 * duty: the attendance officer "checks the accuracy of codes, updates and amends registers". Once per session, the
 * school's office address is emailed the groups still unmarked.
 */
public final class UntakenRegisters {
    private UntakenRegisters() {}

    /** {@code groups} are the untaken registers as staff name them ("4B AM (not taken)"). */
    public record Decision(List<String> groups, String office, Optional<Message> email) {
        public String outcome(Session session, int queued) {
            if (groups.isEmpty()) {
                return "Every " + session + " register was taken by its close.";
            }
            String names = String.join(", ", groups);
            if (email.isEmpty()) {
                return groups.size() + " register(s) not taken: " + names + "; no office email in the school's settings (listed under registers/untaken)";
            }
            return groups.size() + " register(s) not taken: " + names + "; office (" + office + ") emailed" + (queued == 0 ? " already" : "");
        }
    }

    public static Decision decide(LocalDate date, Session session, List<String> groups, String officeEmail) {
        if (groups.isEmpty() || officeEmail == null || officeEmail.isBlank()) {
            return new Decision(groups, officeEmail, Optional.empty());
        }
        return new Decision(groups, officeEmail, Optional.of(new Message(MessagePurpose.REGISTER_NOT_TAKEN, date + ":" + session, true,
                new Recipients.Plan(new Recipients.Target(0, Channel.EMAIL, officeEmail), List.of()),
                Map.of("groups", String.join(", ", groups), "session", Wording.session(session), "date", Wording.DAY.format(date)), List.of())));
    }
}
