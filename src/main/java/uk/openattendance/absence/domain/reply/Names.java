package uk.openattendance.absence.domain.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The third layer: which words of a reply are the roll's children. A word matches a child's legal or preferred
 * forename exactly, or within an edit distance that grows with the name's length (Damerau-Levenshtein, so "Ealnor"
 * for "Eleanor" costs one swap). A misspelling that fits two children equally binds to neither: it is ambiguous, and a
 * person reads the reply. Ordinary English words are never read as misspelt names ("poor" is not "Noor").
 */
public final class Names {
    private Names() {}

    /** A word's reading: the child it names, or ambiguous between two or more. */
    public record Match(int tokenIndex, Optional<RollChild> child, boolean ambiguous, boolean exact, List<RollChild> candidates) {
        Match(int tokenIndex, Optional<RollChild> child, boolean ambiguous, boolean exact) {
            this(tokenIndex, child, ambiguous, exact, child.map(List::of).orElse(List.of()));
        }
    }

    /** The distance a misspelling may be from a name of this length. */
    static int allowance(int length) {
        if (length <= 3) {
            return 0;
        }
        return length <= 6 ? 1 : 2;
    }

    public static Optional<Match> match(int index, String token, List<RollChild> roll) {
        String w = bare(token);
        if (w.length() < 2) {
            return Optional.empty();
        }
        List<RollChild> exact = new ArrayList<>();
        for (RollChild c : roll) {
            for (String n : namesOf(c)) {
                if (n.equals(w) && !exact.contains(c)) {
                    exact.add(c);
                }
            }
        }
        if (exact.size() == 1) {
            return Optional.of(new Match(index, Optional.of(exact.get(0)), false, true));
        }
        if (exact.size() > 1) {
            return Optional.of(new Match(index, Optional.empty(), true, true, List.copyOf(exact)));
        }
        if (Lexicon.isEnglishWord(w)) {
            return Optional.empty();
        }
        int best = Integer.MAX_VALUE;
        List<RollChild> bestChildren = new ArrayList<>();
        for (RollChild c : roll) {
            for (String n : namesOf(c)) {
                int d = Math.min(distance(w, n), phonetic(w).equals(phonetic(n)) ? 1 : Integer.MAX_VALUE);
                if (d <= allowance(n.length()) && w.length() >= 3) {
                    if (d < best) {
                        best = d;
                        bestChildren.clear();
                    }
                    if (d == best && !bestChildren.contains(c)) {
                        bestChildren.add(c);
                    }
                }
            }
        }
        if (bestChildren.isEmpty()) {
            return Optional.empty();
        }
        return bestChildren.size() == 1
                ? Optional.of(new Match(index, Optional.of(bestChildren.get(0)), false, false))
                : Optional.of(new Match(index, Optional.empty(), true, false, List.copyOf(bestChildren)));
    }

    static List<String> namesOf(RollChild c) {
        List<String> names = new ArrayList<>();
        for (String n : new String[] {c.legalForename(), c.preferredForename()}) {
            if (n != null && !n.isBlank()) {
                for (String part : n.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
                    if (!part.isBlank()) {
                        names.add(part);
                    }
                }
                String whole = n.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "");
                if (!names.contains(whole)) {
                    names.add(whole);
                }
            }
        }
        return names;
    }

    /** A token without punctuation or a possessive ending. */
    static String bare(String token) {
        String w = token.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}']+$", "");
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("'")) {
            w = w.substring(0, w.length() - 1);
        }
        return w.replace("'", "");
    }

    /**
     * Capitalised words in the original text that look like a forename but fit no child on the roll (and are not an
     * English word the reader knows, a day, a month, a place or a festival): perhaps the wrong family, or a sibling at
     * another school. The reply goes to a person.
     */
    public static List<String> strangers(String original, List<RollChild> roll) {
        List<String> out = new ArrayList<>();
        String[] sentences = original.replace('\u2019', '\'').split("(?<=[.!?\\n])");
        for (String s : sentences) {
            String[] tokens = s.strip().split("[\\s,;:()\"/]+");
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (t.length() < 3 || !Character.isUpperCase(t.charAt(0)) || t.chars().skip(1).anyMatch(Character::isUpperCase)) {
                    continue;
                }
                String w = bare(t);
                if (w.length() < 3 || !w.chars().allMatch(Character::isLetter) || Lexicon.isEnglishWord(w) || STRANGER_EXEMPT.contains(w)) {
                    continue;
                }
                if (match(i, w, roll).isPresent()) {
                    continue;
                }
                // the first word of a sentence is capitalised anyway: a stranger only if a verb of a subject follows
                boolean first = i == 0;
                boolean subjectLike = i + 1 < tokens.length && SUBJECT_VERBS.contains(bare(tokens[i + 1]));
                if (!first || subjectLike || t.endsWith("'s")) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static final Set<String> SUBJECT_VERBS = Set.of("is", "has", "was", "will", "won't", "cant", "can't", "cannot", "had", "have",
            "feels", "felt", "woke", "got", "isn't", "isnt", "wont", "hasn't", "needs", "needed", "went", "stayed", "and", "seems", "keeps",
            "threw", "vomited", "hurt", "broke", "fell", "came", "not", "still", "also", "too");

    private static final Set<String> STRANGER_EXEMPT = Set.of("spain", "turkey", "pakistan", "india", "poland", "romania", "france", "italy",
            "portugal", "wales", "scotland", "ireland", "england", "london", "bangladesh", "somalia", "nigeria", "ghana", "jamaica", "dubai",
            "greece", "cyprus", "egypt", "morocco", "kenya", "lagos", "karachi", "lahore", "dhaka", "sylhet", "mirpur", "islamabad", "florida",
            "tenerife", "lanzarote", "majorca", "mallorca", "ibiza", "america", "canada", "australia", "germany", "holland", "belgium",
            "lidl", "tesco", "asda", "aldi", "nhs", "camhs", "covid", "calpol", "nurofen", "ofsted", "whatsapp", "teams", "zoom", "google",
            "uber", "arriva", "stagecoach", "eurostar", "ryanair", "easyjet", "jet2", "tui");

    /** A rough sound of a name, so "Jaxon" is "Jackson" and "Mohammad" "Muhammad". */
    static String phonetic(String w) {
        return w.replaceAll("cks|ks|x|ck", "k").replace("ph", "f").replace('y', 'i').replaceAll("h(?=[^aeiou]|$)", "")
                .replaceAll("[aeiou]+", "a").replaceAll("(.)\\1+", "$1");
    }

    /** Damerau-Levenshtein (optimal string alignment): insertions, deletions, substitutions and adjacent swaps cost 1. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
