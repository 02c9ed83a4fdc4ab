package uk.openattendance.notify.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The wording this service ships in languages other than English, read once from {@code notify/wording/<tag>.properties}
 * (UTF-8): {@code <PURPOSE>.subject} and {@code <PURPOSE>.body} per message, {@code and} for joining children's names,
 * and {@code machineMade=true} while no fluent speaker at a school has checked it. A purpose missing from a file is
 * sent in English; so is anything whose placeholders are wrong, since a parent must never get a broken text.
 */
public final class ShippedWording {
    /** The languages with a file, in the order staff see them. */
    public static final List<String> LANGUAGES = List.of("pl", "ur", "ro", "cy");

    private static final Map<String, Language> SHIPPED = load();

    private ShippedWording() {}

    /** One language's shipped wording. */
    public record Language(String tag, String name, boolean machineMade, String and, String andBeforeVowel, Map<MessagePurpose, MessageTemplate> templates,
            Map<String, String> phrases) {}

    /**
     * A phrase our code puts inside a message in this language ({@code status.ABSENCE.RECORDED}): the keys of the file
     * that start {@code status.}. Empty for English, whose phrases are in the code, and for a phrase not yet written.
     */
    public static Optional<String> phrase(String tag, String key) {
        return language(tag).map(l -> l.phrases().get(key)).filter(x -> !x.isBlank());
    }

    /** The shipped wording of one purpose in one language (English included, which is never machine-made). */
    public static Optional<MessageTemplate> of(MessagePurpose purpose, String tag) {
        String t = ContactLanguage.normal(tag);
        if (t.equals(ContactLanguage.ENGLISH)) {
            return Optional.of(MessageTemplate.standard(purpose));
        }
        Language l = SHIPPED.get(t);
        return l == null ? Optional.empty() : Optional.ofNullable(l.templates().get(purpose));
    }

    public static Optional<Language> language(String tag) {
        return Optional.ofNullable(SHIPPED.get(ContactLanguage.normal(tag)));
    }

    /** Whether the shipped wording in this language was machine-made, so a school should have it read before relying on it. */
    public static boolean machineMade(String tag) {
        return language(tag).map(Language::machineMade).orElse(false);
    }

    private static Map<String, Language> load() {
        Map<String, Language> out = new LinkedHashMap<>();
        for (String tag : LANGUAGES) {
            // a resource bundle of the root locale only: exactly notify/wording/<tag>.properties, read as UTF-8 (Java 9+)
            ResourceBundle p = ResourceBundle.getBundle("notify.wording." + tag, Locale.ROOT);
            Map<MessagePurpose, MessageTemplate> templates = new LinkedHashMap<>();
            for (MessagePurpose purpose : MessagePurpose.values()) {
                String body = text(p, purpose.name() + ".body", null);
                if (body == null || body.isBlank()) {
                    continue;
                }
                MessageTemplate t = new MessageTemplate(purpose, text(p, purpose.name() + ".subject", null), body);
                if (t.problems().isEmpty()) {
                    templates.put(purpose, t);
                }
            }
            Map<String, String> phrases = new LinkedHashMap<>();
            p.keySet().stream().filter(k -> k.startsWith("status.")).forEach(k -> phrases.put(k, p.getString(k)));
            String and = text(p, "and", "and");
            out.put(tag, new Language(tag, text(p, "name", tag), Boolean.parseBoolean(text(p, "machineMade", "true")), and,
                    text(p, "andBeforeVowel", and), Map.copyOf(templates),
                    Map.copyOf(phrases)));
        }
        return Map.copyOf(out);
    }

    private static String text(ResourceBundle p, String key, String fallback) {
        return p.containsKey(key) ? p.getString(key) : fallback;
    }
}
