package uk.openattendance.notify.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A contact's language as stored on the roll (a BCP 47 tag such as en, pl, ur-PK, pt-BR), and the order in which
 * wording is looked for: the tag as given, then its language alone ("pt-BR" before "pt"), then English.
 */
public final class ContactLanguage {
    public static final String ENGLISH = "en";

    private ContactLanguage() {}

    /** The tags to try, most specific first, always ending in English; a missing or blank tag is English. */
    public static List<String> candidates(String tag) {
        List<String> out = new ArrayList<>();
        String t = normal(tag);
        out.add(t);
        int dash = t.indexOf('-');
        if (dash > 0) {
            out.add(t.substring(0, dash));
        }
        if (!out.contains(ENGLISH)) {
            out.add(ENGLISH);
        }
        return List.copyOf(out);
    }

    /** A tag from a request, normalised, if it is one (two or three letters, then optional subtags; at most 16 characters). */
    public static java.util.Optional<String> tag(String given) {
        String t = normal(given);
        return t.length() <= 16 && t.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*") ? java.util.Optional.of(t) : java.util.Optional.empty();
    }

    /** Lower case, '_' read as '-', blank as English: "pl_PL" and "PL-pl" are the same wording as "pl-pl". */
    public static String normal(String tag) {
        if (tag == null || tag.isBlank()) {
            return ENGLISH;
        }
        return tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
