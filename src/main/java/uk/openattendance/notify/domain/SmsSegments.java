package uk.openattendance.notify.domain;

/**
 * How many SMS segments a text costs. GSM-7 fits 160 characters in one segment and 153 in each of several; one
 * character outside GSM-7 (an emoji, 'ë', a curly quote) makes the whole text UCS-2: 70, then 67 per segment.
 * Extension characters ({@code ^{}[]~\|€}) take two GSM-7 places.
 */
public final class SmsSegments {
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {}

    public record Count(String encoding, int units, int segments) {}

    public static Count of(String text) {
        int gsmUnits = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                gsmUnits++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return new Count("GSM-7", gsmUnits, gsmUnits <= 160 ? 1 : (gsmUnits + 152) / 153);
        }
        int units = text.length(); // UTF-16 code units, as the network counts them
        return new Count("UCS-2", units, units <= 70 ? 1 : (units + 66) / 67);
    }

    public static boolean isGsm(String text) {
        return of(text).encoding().equals("GSM-7");
    }
}
