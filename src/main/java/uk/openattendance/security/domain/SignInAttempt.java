package uk.openattendance.security.domain;

/** What a refused sign-in was, as the audit keeps it: which door was tried, and why it stayed shut. Stored by name. */
public final class SignInAttempt {
    private SignInAttempt() {}

    /** The staff password sign-in, a parent's one-time code, or a staff password reset. */
    public enum Door {
        STAFF,
        PARENT,
        RESET
    }

    public enum Refusal {
        /** the account or the address had used up its free failures */
        LOCKED,
        WRONG_PASSWORD,
        UNKNOWN_ACCOUNT,
        /** a password link that is unknown, used or expired */
        BAD_TOKEN
    }
}
