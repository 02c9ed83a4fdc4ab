package uk.openattendance.absence.domain.reply;

import java.util.List;
import java.util.Set;

/**
 * The reading of one reply: one outcome per child on the sender's roll (in roll order), with the reader's confidence
 * in each and the clause it was read from, and the reasons (if any) a person must look at the reply. A reply with
 * reasons may still carry outcomes that apply at once (a partial answer codes what is clear and queues the rest).
 */
public record ReplyReading(List<ChildReading> children, Set<ReviewReason> reviews) {
    public record ChildReading(long pupilId, ChildOutcome outcome, double confidence, String clause) {}

    public ReplyReading {
        children = List.copyOf(children);
        reviews = Set.copyOf(reviews);
    }

    public boolean forAPerson() {
        return !reviews.isEmpty();
    }

    public boolean urgent() {
        return reviews.stream().anyMatch(ReviewReason::urgent);
    }
}
