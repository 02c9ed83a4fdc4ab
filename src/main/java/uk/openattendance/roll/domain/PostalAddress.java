package uk.openattendance.roll.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postal address as a letter's envelope window shows it: up to three lines, the post town, the postcode. The
 * postcode is checked against the Royal Mail format (outward code, space, inward code) and kept in its one written form,
 * "SW1A 1AA", so print runs can be sorted by it.
 */
public record PostalAddress(String line1, String line2, String line3, String town, String postcode) {
    /** The Royal Mail format: area letters (not Q, V, X first; not I, J, Z second), district, a space, sector and unit. */
    private static final Pattern POSTCODE = Pattern.compile(
            "(GIR 0AA|([A-PR-UWYZ])([A-HK-Y]?)([0-9])([0-9A-HJKPS-UW]?) ([0-9])([ABD-HJLNP-UW-Z]{2}))");
    public static final String POSTCODE_EXPECTED = "a UK postcode such as SW1A 1AA or B33 8TH";

    /** The postcode written with one space before its last three characters and in capitals, if it is one. */
    public static Optional<String> postcode(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String compact = written.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            return Optional.empty();
        }
        String spaced = compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
        return POSTCODE.matcher(spaced).matches() ? Optional.of(spaced) : Optional.empty();
    }

    /** The lines for the window, blank ones left out, postcode last on its own line as Royal Mail asks. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {line1, line2, line3}) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        out.add(town.strip().toUpperCase(Locale.ROOT));
        out.add(postcode);
        return out;
    }

    /**
     * Posting order: by postcode area, then district as a number (B2 before B10, as sorting offices bundle them), then
     * sector and unit; copies with no address last. Ties are broken by the caller (the recipient's name).
     */
    public static final Comparator<PostalAddress> POSTING_ORDER = Comparator.nullsLast(Comparator.comparing(PostalAddress::sortKey));

    String sortKey() {
        Matcher m = POSTCODE.matcher(postcode);
        if (!m.matches() || m.group(2) == null) {
            return postcode;
        }
        String area = m.group(2) + m.group(3);
        String district = m.group(4) + m.group(5);
        String digits = district.replaceAll("[^0-9]", "");
        String suffix = district.replaceAll("[0-9]", "");
        return String.format("%-2s%02d%-1s %s%s", area, Integer.parseInt(digits), suffix, m.group(6), m.group(7));
    }
}
