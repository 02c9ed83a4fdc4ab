package uk.openattendance.absence.domain.reply;

import java.util.Optional;

/** What a clause gives as the reason for a child's absence, and the code a careful office suggests for it. */
public enum Reason {
    SAFEGUARDING(null),
    IN_SCHOOL(null),
    BEREAVEMENT("C"),
    HOLIDAY("G"),
    RELIGIOUS("R"),
    MEDICAL("M"),
    APPOINTMENT("M"),
    /** A visit to the GP or a hospital with no kind of appointment said: M alone, but illness when an illness is given. */
    GP("M"),
    ILLNESS("I"),
    LATE(null),
    INVALID(null),
    QUESTION(null),
    NONE(null);

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** Reasons that explain an absence (or a late arrival), as against questions and words with no reason in them. */
    public boolean explains() {
        return this != NONE && this != QUESTION;
    }
}
