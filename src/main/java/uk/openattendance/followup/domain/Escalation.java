package uk.openattendance.followup.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.roll.domain.Channel;

/**
 * The chain's last two steps. Policy 000: "If no contact can be made by 11.00am, the school will take every reasonable
 * step to satisfy themselves that the pupil is safe ... The school should be satisfied with every absent child's
 * safety by 11.30am at the latest." At escalation and again at safe-by, every open case whose child is still
 * unexplained is escalated and the designated lead is emailed their names; a case whose child has since arrived or
 * been reported is closed as explained.
 */
public final class Escalation {
    private Escalation() {}

    public static final String AT_ESCALATION = "ESCALATION";
    public static final String AT_SAFE_BY = "SAFE_BY";

    /** {@code explained} are closed with {@code closingNote}; {@code notSafe} are escalated and the lead is told. */
    public record Decision(List<FollowUpCase> explained, String closingNote, List<FollowUpCase> notSafe) {
        public List<Long> notSafePupils() {
            return notSafe.stream().map(FollowUpCase::pupilId).toList();
        }
    }

    public static Decision decide(String stage, List<FollowUpCase> cases, Set<Long> stillUnexplained) {
        List<FollowUpCase> open = cases.stream().filter(FollowUpCase::open).toList();
        return new Decision(open.stream().filter(c -> !stillUnexplained.contains(c.pupilId())).toList(),
                "Arrived or reported before " + stage.toLowerCase(Locale.ROOT), open.stream().filter(c -> stillUnexplained.contains(c.pupilId())).toList());
    }

    /** The email to the designated lead naming each child not known to be safe, with form and whether vulnerable; once per stage and day. */
    public static Message alert(LocalDate date, String stage, String leadEmail, List<Child> notSafe) {
        String names = notSafe.stream().map(c -> c.displayName() + (c.form() == null ? "" : " (" + c.form() + ")") + (c.needsCare() ? " - vulnerable" : ""))
                .collect(Collectors.joining("; "));
        return new Message(MessagePurpose.SAFE_BY_ALERT, date + ":" + stage, true, new Recipients.Plan(new Recipients.Target(0, Channel.EMAIL, leadEmail),
                List.of()), Map.of("children", names, "date", Wording.DAY.format(date)), notSafe.stream().map(Child::id).toList());
    }

    public static String outcome(String stage, int notSafe, String leadEmail) {
        return notSafe == 0 ? "Every absent child is known to be safe or explained."
                : notSafe + " child(ren) not yet known to be safe at " + stage.toLowerCase(Locale.ROOT) + ": designated lead (" + leadEmail + ") emailed";
    }

    /**
     * Where alerts about children not known to be safe go: the policy's designated lead, else the school's own email
     * (MessagingRules), else a placeholder that makes the gap visible in the outbox.
     */
    public static String leadEmail(String designatedLeadEmail, String schoolEmail) {
        if (designatedLeadEmail != null && !designatedLeadEmail.isBlank()) {
            return designatedLeadEmail;
        }
        return schoolEmail == null ? "attendance-lead@example.org" : schoolEmail;
    }
}
