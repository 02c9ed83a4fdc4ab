package uk.openattendance.roll.domain;

/**
 * Unique pupil number: 13 characters, a letter then 11 digits then a digit or letter (temporary UPNs end in a letter).
 * The check letter is not verified: MIS exports and the synthetic benchmark school carry UPNs that fail it.
 */
public final class Upn {
    public static final String EXPECTED = "13 characters: a capital letter, 11 digits, then a digit or capital letter";

    private Upn() {}

    public static boolean isWellFormed(String upn) {
        return upn != null && upn.matches("[A-Z][0-9]{11}[0-9A-Z]");
    }
}
