package uk.openattendance.parent.domain;

import java.util.Optional;

/**
 * When a family is told where their report or request stands, and in what words. What they were last told (or what
 * answered them at once) is kept per item, and each change from it is told once; the outbox's key carries the status
 * too, so a retried change cannot tell it twice. A step back to "received" is no news to a parent.
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

    /** The moment the status is looked at. */
    public enum Moment {
        /** Made by a signed-in parent: acknowledged with its reference and where it stands already. */
        MADE_BY_FAMILY,
        /**
         * Made from the family's own text: the reply to that text already answered them, so where it stands now is what
         * they know, and only later changes are news.
         */
        MADE_FROM_THEIR_TEXT,
        /** Made by the office (a call, a visit, accepting a text): told only if it is already past "received". */
        MADE_BY_OFFICE,
        /** The register or the headteacher changed it later. */
        CHANGED
    }

    /** What is told, and the key that makes it once only: kind, item and status. */
    public record Notice(String key, String words) {}

    /**
     * @param notice what to tell, if anything
     * @param nowKnown the status to keep as what the family knows, or null to keep what was kept
     */
    public record Decision(Optional<Notice> notice, String nowKnown) {
        static Decision nothing() {
            return new Decision(Optional.empty(), null);
        }
    }

    /**
     * @param status the status's name (RECEIVED, RECORDED, NEEDS_EVIDENCE, APPROVED, ...)
     * @param known what the family was last told (or answered with); null when nothing was kept
     */
    public static Decision decide(Kind kind, long id, String reference, String status, String statusWords, String child, Moment moment, String known) {
        if (moment == Moment.CHANGED && known == null && kind == Kind.ABSENCE) {
            // a report with nothing kept is still being made in this transaction (its marks are written before its
            // making is finished): the making decides what the family hears, once
            return Decision.nothing();
        }
        if (status.equals(known)) {
            return Decision.nothing();
        }
        if (moment == Moment.MADE_FROM_THEIR_TEXT) {
            return new Decision(Optional.empty(), status);
        }
        if (moment != Moment.MADE_BY_FAMILY && "RECEIVED".equals(status)) {
            // nothing new for the family, but an office-made item starts from here, so its later changes are told
            return new Decision(Optional.empty(), moment == Moment.MADE_BY_OFFICE ? status : null);
        }
        String words = kind.opening + (child == null ? "your child" : child) + " (reference " + reference + "): " + statusWords
                + (statusWords.endsWith(".") ? "" : ".");
        return new Decision(Optional.of(new Notice("status:" + kind.name().toLowerCase() + ":" + id + ":" + status, words)), status);
    }

    /**
     * The same news in another language, from that language's phrases ({@code status.ABSENCE}, {@code status.ABSENCE.RECORDED},
     * {@code status.note}): the state in words and the headteacher's note as written, or empty when a phrase is missing,
     * so the message keeps its English words rather than mixing in a blank. Finer English detail (as what a report was
     * recorded, for how many sessions) is not repeated: the state and reference are what a parent acts on.
     */
    public static Optional<String> wordsIn(Kind kind, String reference, String status, String note, String child,
            java.util.function.Function<String, Optional<String>> phrase) {
        Optional<String> sentence = phrase.apply("status." + kind.name());
        Optional<String> state = phrase.apply("status." + kind.name() + "." + status);
        if (sentence.isEmpty() || state.isEmpty()) {
            return Optional.empty();
        }
        String said = state.get();
        if (note != null && !note.isBlank()) {
            said = phrase.apply("status.note").orElse("{status}: {note}").replace("{status}", said).replace("{note}", note.strip());
        }
        return Optional.of(sentence.get().replace("{child}", child == null ? "" : child).replace("{reference}", reference).replace("{status}", said));
    }
}
