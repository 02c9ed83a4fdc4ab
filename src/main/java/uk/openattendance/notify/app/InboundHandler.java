package uk.openattendance.notify.app;

/**
 * What a feature does with an inbound text once it is stored and is not an opt-out keyword. The absence feature reads
 * replies to absence texts; a handler never drops a text: what it cannot act on goes to review.
 */
public interface InboundHandler {
    /** {@code among}: the schools whose contacts may have sent it, as the number it was sent to says (null: any school). */
    record Text(long id, String from, String body, java.util.Set<Long> among) {}

    /** {@code status} ACTIONED or REVIEW; {@code reply} the text to answer with, or null. */
    record Outcome(Long schoolId, Long contactId, String status, String reading, String reviewReason, String reply) {}

    Outcome handle(Text text);
}
