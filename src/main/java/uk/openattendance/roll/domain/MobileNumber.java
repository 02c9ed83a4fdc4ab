package uk.openattendance.roll.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number that can take texts, read by Google's libphonenumber: written any common way, UK numbers without a country
 * code ("07700 900123"), anyone else's with one ("+353 85 012 3456"), and kept in E.164. Families of pupils in England
 * often have a mobile from home, so any country's mobile is taken; a landline is refused, because a text to it is lost.
 */
public final class MobileNumber {
    /** Written without a country code, a number is read as British. */
    public static final String DEFAULT_REGION = "GB";

    public static final String EXPECTED = "a mobile number that can take texts, such as 07700 900123, or with its country code, such as +353 85 012 3456";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    // Ofcom keeps 07700 900000 to 900999 for drama, so no such number ever rings; libphonenumber leaves the range out of
    // the UK's mobiles, but the demo and every test use it, so it is taken as the UK mobile it looks like.
    private static final Pattern OFCOM_DRAMA_MOBILE = Pattern.compile("7700900\\d{3}");

    private final String e164;
    private final String region;

    private MobileNumber(String e164, String region) {
        this.e164 = e164;
        this.region = region;
    }

    /** The number, if {@code written} is a mobile of any country; empty for a landline, a malformed number or nothing. */
    public static Optional<MobileNumber> parse(String written) {
        return read(written).number();
    }

    /** The number in E.164, if {@code written} is a mobile of any country. */
    public static Optional<String> toE164(String written) {
        return parse(written).map(MobileNumber::e164);
    }

    /** What to tell whoever wrote {@code written} when it is refused: a landline is named as one, so the office knows why. */
    public static String refusal(String written) {
        return read(written).refusal();
    }

    private record Reading(Optional<MobileNumber> number, String refusal) {}

    private static Reading read(String written) {
        if (written == null || written.isBlank()) {
            return new Reading(Optional.empty(), EXPECTED);
        }
        PhoneNumber parsed;
        try {
            parsed = PHONES.parse(written.strip(), DEFAULT_REGION);
        } catch (NumberParseException e) {
            return new Reading(Optional.empty(), EXPECTED);
        }
        String e164 = PHONES.format(parsed, PhoneNumberFormat.E164);
        if (parsed.getCountryCode() == 44 && OFCOM_DRAMA_MOBILE.matcher(String.valueOf(parsed.getNationalNumber())).matches()) {
            return new Reading(Optional.of(new MobileNumber(e164, DEFAULT_REGION)), null);
        }
        if (!PHONES.isValidNumber(parsed)) {
            return new Reading(Optional.empty(), EXPECTED);
        }
        PhoneNumberType type = PHONES.getNumberType(parsed);
        // FIXED_LINE_OR_MOBILE: countries such as the US and Canada number mobiles and landlines from one range
        if (type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            return new Reading(Optional.of(new MobileNumber(e164, PHONES.getRegionCodeForNumber(parsed))), null);
        }
        String kind = type == PhoneNumberType.FIXED_LINE ? "a landline" : "not a mobile";
        return new Reading(Optional.empty(), e164 + " is " + kind + " and cannot take texts; " + EXPECTED);
    }

    public String e164() {
        return e164;
    }

    /** The ISO 3166 country the number belongs to, e.g. GB, IE, PL. */
    public String region() {
        return region;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MobileNumber other && other.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return e164;
    }
}
