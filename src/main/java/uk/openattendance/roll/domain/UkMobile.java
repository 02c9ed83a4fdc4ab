package uk.openattendance.roll.domain;

import java.util.Optional;

/**
 * Normalises a UK mobile number written any common way ("07700 900123", "+44 (0)7700-900123", "0044 7700 900123")
 * to E.164 (+447700900123). Judged by prefix and length only: libphonenumber rejects Ofcom's drama range 07700 900xxx,
 * which our fictional data uses (STACK.md).
 */
public final class UkMobile {
    private UkMobile() {}

    public static Optional<String> toE164(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String digits = written.strip().replaceAll("[\\s().\\-]", "");
        if (digits.startsWith("+44")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0044")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("44") && digits.length() == 12) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        } else {
            return Optional.empty();
        }
        if (digits.startsWith("07") && digits.length() == 11) {
            digits = digits.substring(1); // "+44 07700..." written with the trunk zero kept
        }
        return digits.matches("7[0-9]{9}") ? Optional.of("+44" + digits) : Optional.empty();
    }

    public static final String EXPECTED = "a UK mobile number such as 07700 900123 or +44 7700 900123";
}
