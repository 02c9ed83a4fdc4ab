package uk.openattendance.notify.domain;

/** Why a message is sent; each has a default wording a school can replace, and its own routing in the school's policy. */
public enum MessagePurpose {
    FIRST_DAY_ABSENCE(true),
    FIRST_DAY_CORRECTION(true),
    SAFE_BY_ALERT(false),
    SOCIAL_WORKER_ALERT(false),
    MISSING_EDUCATION_ALERT(false),
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
    ONE_TIME_CODE(true),
    /** A letter from school, emailed as a PDF. */
    LETTER(true);

    private final boolean toFamilies;

    MessagePurpose(boolean toFamilies) {
        this.toFamilies = toFamilies;
    }

    /** Messages to families respect quiet hours and opt-outs; alerts to staff and social workers do not wait. */
    public boolean toFamilies() {
        return toFamilies;
    }
}
