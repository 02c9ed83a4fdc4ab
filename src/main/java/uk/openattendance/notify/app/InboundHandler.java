package uk.openattendance.notify.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.openattendance.notify.persistence.InboundStatus;

/**
 * What a feature does with an inbound text once it is stored and is not an opt-out keyword. The absence feature reads
 * replies to absence texts; a handler never drops a text: what it cannot act on goes to review.
 */
public interface InboundHandler {
    /** {@code among}: the schools whose contacts may have sent it, as the number it was sent to says (null: any school). */
    record Text(long id, String from, String body, Set<Long> among) {}

    /**
     * One outcome can be both: {@code actioned} when something was recorded at once (some children coded), and
     * {@code review} (not null) when the text also waits for a person, with the reasons and what was suggested for
     * each child. {@code reply}: the text to answer with, or null.
     */
    record Outcome(Long schoolId, Long contactId, boolean actioned, Review review, String reading, String reply) {
        public static Outcome actioned(Long schoolId, Long contactId, String reading, String reply) {
            return new Outcome(schoolId, contactId, true, null, reading, reply);
        }

        public static Outcome review(Long schoolId, Long contactId, String reading, Review review, String reply) {
            return new Outcome(schoolId, contactId, false, review, reading, reply);
        }

        /** What the stored text's status says: waiting for a person if anything is for one, else dealt with. */
        public InboundStatus status() {
            return review != null ? InboundStatus.REVIEW : InboundStatus.ACTIONED;
        }
    }

    /** Why a person must look at a text (urgent reasons first), and per child what the reading suggested. */
    record Review(List<Reason> reasons, List<Suggestion> suggestions) {
        public Review {
            reasons = reasons.stream().sorted(java.util.Comparator.comparing((Reason r) -> !r.urgent())).toList();
            suggestions = List.copyOf(suggestions);
        }

        public static Review of(String label, String why) {
            return new Review(List.of(new Reason(label, why, false)), List.of());
        }

        public boolean urgent() {
            return reasons.stream().anyMatch(Reason::urgent);
        }

        /** The reasons in one line, as the queue's {@code reviewReason} has always shown them. */
        public String why() {
            return String.join("; ", reasons.stream().map(Reason::why).toList());
        }
    }

    record Reason(String label, String why, boolean urgent) {}

    /**
     * A child's reading. {@code code} null: nothing to code (unexplained, late, for a person); {@code appliedThrough}:
     * the last day already recorded as a report (null: nothing applied). {@code summary} as the office reads it, e.g.
     * "Ayesha: G until 27 Nov — not applied".
     */
    record Suggestion(long pupilId, String name, String outcome, String code, LocalDate firstDate, LocalDate lastDate, String lastSession,
            LocalDate expectedReturn, LocalDate appliedThrough, String acceptedBy, String summary) {
        public boolean fullyApplied() {
            return code != null && appliedThrough != null && !appliedThrough.isBefore(lastDate);
        }
    }

    Outcome handle(Text text);
}
