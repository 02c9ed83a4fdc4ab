package uk.openattendance.letters.domain;

import java.util.Objects;

/**
 * A letter a rule asks for. {@code triggerKey} names the occasion (a crossing, a term's count, a run of illness) and is
 * written about once; {@code levelKey} is the ladder level for attendance letters, so each rung has its own wording.
 */
public record WantedLetter(long pupilId, LetterKind kind, String levelKey, String triggerKey, LetterFacts facts, boolean meetingInvitation) {
    public WantedLetter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(triggerKey, "triggerKey");
        Objects.requireNonNull(facts, "facts");
        if ((kind == LetterKind.ATTENDANCE) != (levelKey != null)) {
            throw new IllegalArgumentException("an attendance letter, and only one, names its level");
        }
    }

    /** The template kind stored with the letter: ATTENDANCE_BELOW_95, MEDICAL_EVIDENCE... */
    public String templateKind() {
        return kind == LetterKind.ATTENDANCE ? "ATTENDANCE_" + levelKey : kind.name();
    }
}
