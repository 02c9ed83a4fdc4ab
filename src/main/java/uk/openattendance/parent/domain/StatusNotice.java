package uk.openattendance.parent.domain;

import java.util.Optional;

/**
 * When a family is told where their report or request stands, and in what words. A new report or request is always
 * acknowledged with its reference; after that each change of status is told once (the outbox's key carries the status,
 * so the same status is never told twice), except a step back to "received", which is no news to a parent.
 */
public final class StatusNotice {
    private StatusNotice() {}

    public enum Kind {
        ABSENCE("Your absence report about "),
        LEAVE("Your leave request for ");

        private final String opening;

        Kind(String opening) {
            this.opening = opening;
        }
    }

    /** What is told, and the key that makes it once only: kind, item and status. */
    public record Notice(String key, String words) {}

    /**
     * @param justMade the report or request was made a moment ago (the acknowledgement)
     * @param status the status's name (RECEIVED, RECORDED, NEEDS_EVIDENCE, APPROVED, ...)
     */
    public static Optional<Notice> due(Kind kind, long id, String reference, String status, String statusWords, String child, boolean justMade) {
        if (!justMade && "RECEIVED".equals(status)) {
            return Optional.empty();
        }
        String words = kind.opening + (child == null ? "your child" : child) + " (reference " + reference + "): " + statusWords
                + (statusWords.endsWith(".") ? "" : ".");
        return Optional.of(new Notice("status:" + kind.name().toLowerCase() + ":" + id + ":" + status, words));
    }
}
