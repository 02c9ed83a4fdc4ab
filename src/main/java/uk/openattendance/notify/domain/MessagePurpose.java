package uk.openattendance.notify.domain;

/** Why a message is sent; each has a default wording a school can replace, and its own routing in the school's policy. */
public enum MessagePurpose {
    FIRST_DAY_ABSENCE(true),
    FIRST_DAY_CORRECTION(true),
    SAFE_BY_ALERT(false),
    SOCIAL_WORKER_ALERT(false),
    MISSING_EDUCATION_ALERT(false),
    /** To the office: a register group's session passed its close time without a mark for every pupil. */
    REGISTER_NOT_TAKEN(false),
    LATENESS(true),
    PRAISE_WEEKLY(true),
    PRAISE_EXCELLENT(true),
    PRAISE_OUTSTANDING(true),
    PRAISE_IMPROVEMENT(true),
    REPLY_THANKS(true),
    REPLY_REVIEW(true),
    REPLY_HELP(true),
    REPLY_STOPPED(true),
    REPLY_STARTED(true),
    /** Where a family's absence report or leave request now stands, with its reference: received, recorded, decided. */
    STATUS_UPDATE(true),
    // a parent's sign-in code: secret-bearing, so stored and shown only redacted
    ONE_TIME_CODE(true, "code"),
    /** A letter from school, emailed as a PDF. */
    LETTER(true);

    /** What staff see in place of a secret: as long as a 6-digit code and GSM-7, so the SMS segment count stays true. */
    public static final String REDACTED = "******";

    private final boolean toFamilies;
    private final String secretField;

    MessagePurpose(boolean toFamilies) {
        this(toFamilies, null);
    }

    MessagePurpose(boolean toFamilies, String secretField) {
        this.toFamilies = toFamilies;
        this.secretField = secretField;
    }

    /**
     * A message that carries a secret (a code that signs someone in): its text is never stored or listed in clear, and
     * only a school's administrators see that it was sent.
     */
    public boolean secret() {
        return secretField != null;
    }

    /** The template field that holds the secret, or null. */
    public String secretField() {
        return secretField;
    }

    /** Messages to families respect quiet hours and opt-outs; alerts to staff and social workers do not wait. */
    public boolean toFamilies() {
        return toFamilies;
    }
}
