package uk.openattendance.followup.domain;

/** What happened when the office phoned; the two "safe" outcomes close the case. */
public enum CallOutcome {
    NO_ANSWER(false),
    LEFT_VOICEMAIL(false),
    WRONG_NUMBER(false),
    SPOKE_CHILD_SAFE(true),
    SPOKE_CHILD_NOT_SAFE(false),
    CHILD_SEEN(true);

    private final boolean safe;

    CallOutcome(boolean safe) {
        this.safe = safe;
    }

    public boolean safe() {
        return safe;
    }
}
