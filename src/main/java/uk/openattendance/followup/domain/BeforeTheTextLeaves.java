package uk.openattendance.followup.domain;

import java.util.List;
import java.util.Map;

/**
 * Just before a queued first-day text leaves, the register and reports are read again (STYLE rule 14: facts that can
 * change are re-read when the job runs): a child who has since arrived or been reported is taken out of the text, and
 * a text left about nobody is not sent.
 */
public final class BeforeTheTextLeaves {
    private BeforeTheTextLeaves() {}

    public sealed interface Verdict permits Send, Cancel, Rewrite {}

    /** Every child in it is still unexplained: send it as queued. */
    public record Send() implements Verdict {}

    public record Cancel(String why) implements Verdict {}

    /** Some children have since been explained: the text names only {@code children}. */
    public record Rewrite(List<Child> children, String why) implements Verdict {}

    /** {@code stillUnexplained} holds, by id, those of the text's children still N and unreported now. */
    public static Verdict verdict(List<Long> childrenInText, Map<Long, Child> stillUnexplained) {
        List<Child> still = childrenInText.stream().filter(stillUnexplained::containsKey).map(stillUnexplained::get).toList();
        if (still.isEmpty()) {
            return new Cancel("Not sent: every child in it has since arrived or been reported");
        }
        if (still.size() == childrenInText.size()) {
            return new Send();
        }
        return new Rewrite(still, "some children have since arrived or been reported");
    }
}
