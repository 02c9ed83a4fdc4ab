package uk.openattendance.notify.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The single-word replies carriers and Twilio act on, plus the phrases Twilio does not catch ("please stop texting
 * me"), which we honour through our own suppression list.
 */
public final class OptOutWords {
    public enum Keyword { STOP, START, HELP }

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    private static final Set<String> START = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP", "INFO");

    private OptOutWords() {}

    public static Optional<Keyword> of(String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT).replaceAll("[.!]+$", "");
        if (STOP.contains(word)) {
            return Optional.of(Keyword.STOP);
        }
        if (START.contains(word)) {
            return Optional.of(Keyword.START);
        }
        if (HELP.contains(word)) {
            return Optional.of(Keyword.HELP);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\b(stop|don'?t|do not|no more)\\b.*\\b(text|texting|message|messaging|sms)\\w*\\b.*")
                || lower.matches(".*\\bunsubscribe\\b.*")) {
            return Optional.of(Keyword.STOP);
        }
        return Optional.empty();
    }
}
