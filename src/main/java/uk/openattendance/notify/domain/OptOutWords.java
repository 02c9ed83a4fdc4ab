package uk.openattendance.notify.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The replies that are about our texts rather than a child: Twilio's keywords (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END,
 * QUIT, REVOKE, OPTOUT; START, YES, UNSTOP; HELP, INFO) in any case, with punctuation, spaces ("STOP ALL", "stop.") and
 * polite words around them ("Stop please"), and the short phrases Twilio does not catch ("please stop texting me"),
 * which we honour through our own suppression list. A reply that only uses the word in a sentence ("he can't stop being
 * sick") is not a keyword: it goes to the reply reader, since opting a family out of a child's absence texts by
 * mistake costs far more than a person reading a text.
 */
public final class OptOutWords {
    public enum Keyword { STOP, START, HELP }

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    private static final Set<String> START = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP", "INFO");

    /** Words a parent adds to be polite, which do not change what the keyword means. */
    private static final Set<String> POLITE = Set.of("please", "pls", "plz", "plse", "thanks", "thx", "ta", "kindly", "now", "x", "xx", "xxx", "hi",
            "hello", "sorry");

    /** A phrase is only an opt-out when it is the whole message: a longer text goes to a person with the rest of what it says. */
    private static final int PHRASE_WORDS = 8;
    private static final List<Pattern> STOP_PHRASES = List.of(
            Pattern.compile("^(stop|quit|cancel|end)( (texting|txting|messaging|sending|contacting))?( (me|us|this number))?"
                    + "( (the|these|your|all|any))?( (texts?|txts?|messages?|sms))?( to (me|us|this number))?$"),
            Pattern.compile("^(i want to |i'd like to |i would like to )?(opt|opt me|take me) out$"),
            Pattern.compile("^(don't|dont|do not) (text|txt|message|contact|sms) (me|us|this number)( again| anymore| any more)?$"),
            Pattern.compile("^no more (texts?|txts?|messages?|sms)$"),
            Pattern.compile("^unsubscribe( me)?( from (these|your|the|this) (texts?|messages?|list))?$"),
            Pattern.compile("^(take|remove) (me|this number|us) (off|from) (your|the|this) (list|texts|messages|mailing list)$"));

    private OptOutWords() {}

    public static Optional<Keyword> of(String body) {
        String cleaned = clean(body);
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        // YES alone re-subscribes (Twilio's rule); "yes please" or "yes he's ill" answers our question
        if (cleaned.equals("yes")) {
            return Optional.of(Keyword.START);
        }
        List<String> words = new ArrayList<>();
        for (String w : cleaned.replaceAll("\\bthank you\\b", " ").split(" ")) {
            if (!w.isBlank() && !POLITE.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        // "STOP ALL", "opt out", "un stop": a keyword written with a space
        String joined = String.join("", words).toUpperCase(Locale.ROOT);
        if (words.size() <= 2) {
            if (STOP.contains(joined)) {
                return Optional.of(Keyword.STOP);
            }
            if (START.contains(joined) && !joined.equals("YES")) {
                return Optional.of(Keyword.START);
            }
            if (HELP.contains(joined)) {
                return Optional.of(Keyword.HELP);
            }
        }
        String phrase = String.join(" ", words);
        if (words.size() <= PHRASE_WORDS && STOP_PHRASES.stream().anyMatch(p -> p.matcher(phrase).matches())) {
            return Optional.of(Keyword.STOP);
        }
        return Optional.empty();
    }

    /**
     * The message is exactly one of Twilio's keywords (its own rule: the whole body, any case, surrounding spaces and
     * trailing full stops ignored): Twilio has already answered it, so we send no answer of our own.
     */
    public static boolean isCarrierKeyword(String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT).replaceAll("[.!]+$", "");
        return STOP.contains(word) || START.contains(word) || HELP.contains(word);
    }

    /** Lower case, curly quotes straightened, everything but letters, digits and apostrophes made a single space. */
    private static String clean(String body) {
        if (body == null) {
            return "";
        }
        return body.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("[^a-z0-9']+", " ")
                .replaceAll("(^| )'+|'+( |$)", " ").strip();
    }
}
