package uk.openattendance.notify.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which wording a message to one contact uses (issue 17: "in the contact's language where the school has wording for
 * it, falling back to English"). For each of the contact's language tags, most specific first ({@link ContactLanguage}):
 * the school's own wording in that language, else the wording we ship in it; and last the school's own English, else
 * ours. The choice is made per message, so siblings' contacts each get their own language, and a language with no
 * wording for one purpose (or wording that would come out blank) gets English for that message only.
 */
public final class WordingChoice {
    private WordingChoice() {}

    public enum Source { SCHOOL, SHIPPED }

    /** The wording chosen, the language it is in, and whose it is. */
    public record Chosen(MessageTemplate template, String language, Source source) {
        /**
         * The message filled in. Names joined by our code with "and" are joined in the message's language; if the
         * filled wording has no words left it is sent in our English instead, never blank.
         */
        public MessageTemplate.Rendered render(Map<String, String> values) {
            Map<String, String> v = new HashMap<>(values);
            // a value worded per language ("reply@pl") stands in for its plain one when the message goes in that language,
            // so words our code puts inside a message (a status) come in the same language as the wording around them
            String suffix = "@" + language;
            values.forEach((k, x) -> {
                if (k.endsWith(suffix) && x != null && !x.isBlank()) {
                    v.put(k.substring(0, k.length() - suffix.length()), x);
                }
            });
            String children = v.get("children");
            if (children != null && !language.equals(ContactLanguage.ENGLISH)) {
                ShippedWording.language(language).ifPresent(l -> v.put("children", join(children, l)));
            }
            MessageTemplate.Rendered out = template.render(v);
            if (out.body().isBlank()) {
                return MessageTemplate.standard(template.purpose()).render(values);
            }
            return out;
        }
    }

    /**
     * @param contactLanguage the contact's language tag as stored (null or blank is English)
     * @param schoolOwn the school's own wording of this purpose, keyed by normalised language tag
     */
    public static Chosen choose(MessagePurpose purpose, String contactLanguage, Map<String, MessageTemplate> schoolOwn) {
        for (String tag : ContactLanguage.candidates(contactLanguage)) {
            MessageTemplate own = schoolOwn.get(tag);
            if (own != null && !own.body().isBlank() && own.problems().isEmpty()) {
                return new Chosen(own, tag, Source.SCHOOL);
            }
            var shipped = ShippedWording.of(purpose, tag);
            if (shipped.isPresent()) {
                return new Chosen(shipped.get(), tag, Source.SHIPPED);
            }
        }
        throw new IllegalStateException("unreachable: English is always a candidate and always shipped");
    }

    /** "Amelia and Ben" as "Amelia i Ben": only the last " and " our names list puts in, never one inside a name. */
    static String join(String children, ShippedWording.Language l) {
        int at = children.lastIndexOf(" and ");
        if (at < 0) {
            return children;
        }
        String next = children.substring(at + 5);
        boolean vowel = !next.isEmpty() && "aeiouwyâêîôûŵŷ".indexOf(Character.toLowerCase(next.charAt(0))) >= 0;
        return children.substring(0, at) + " " + (vowel ? l.andBeforeVowel() : l.and()).toLowerCase(Locale.ROOT) + " " + next;
    }
}
