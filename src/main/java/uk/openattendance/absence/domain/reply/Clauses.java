package uk.openattendance.absence.domain.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second layer: a normalised reply cut into clauses, each about one subject. It always cuts at sentence ends and
 * semicolons; at commas and at "and", "but", "while", "whereas", "so", "because", "as" only when a new subject follows
 * (a pronoun, "the kids", or a word the caller says is a name), and never inside a subject joined by "and" ("zoya and
 * zaid have a fever" stays one clause).
 */
public final class Clauses {
    private Clauses() {}

    /** Tells the splitter whether a word is one of the roll's names. */
    public interface NameTest {
        boolean isName(String word);
    }

    private static final Pattern SUBJECT_PRONOUN = Pattern.compile(
            "^(?:he|she|they|both|the (?:kids|children|boys|girls|twins|two|three|other)|my (?:two|three|kids|children|boys|girls|son|daughter|eldest|youngest)|"
                    + "our (?:two|three|kids|children)|all three|all two|the other one|his (?:brother|sister)|her (?:brother|sister)|i|we|it)\\b");
    private static final Pattern JOINER = Pattern.compile("\\s*(?:,\\s*(?:and|but|while|so|as|because)?|\\s(?:and|but|while|whilst|whereas|so|because|as|though|however|although|plus))\\s+");

    public static List<String> split(String normalised, NameTest names) {
        List<String> out = new ArrayList<>();
        for (String sentence : normalised.split("(?<=[.!?;])\\s+|[;\\n]+|(?<=\\?)")) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            int start = 0;
            Matcher m = JOINER.matcher(s);
            while (m.find()) {
                String rest = s.substring(m.end());
                String before = s.substring(start, m.start()).strip();
                boolean comma = m.group().contains(",");
                boolean newSubject = startsWithSubject(rest, names);
                if (newSubject && !onlyNames(before, names) || comma && !onlyNames(before, names) && !continuesList(rest)) {
                    if (!before.isEmpty()) {
                        out.add(trimPunctuation(before));
                    }
                    start = m.end();
                }
            }
            String last = s.substring(start).strip();
            if (!last.isEmpty()) {
                out.add(trimPunctuation(last));
            }
        }
        out.removeIf(String::isBlank);
        return out;
    }

    /** "a cold, a cough and a temperature": a comma before a bare noun phrase continues the same clause. */
    private static boolean continuesList(String rest) {
        return rest.matches("^(?:a|an|some|bad|high)\\s+\\w+(?:\\s+\\w+)?(?:\\s+(?:and|or)\\s.*)?[.!]?$");
    }

    static boolean startsWithSubject(String rest, NameTest names) {
        if (SUBJECT_PRONOUN.matcher(rest).find()) {
            return true;
        }
        String first = rest.split("[\\s,.!?]+", 2)[0];
        return names.isName(first);
    }

    private static boolean onlyNames(String before, NameTest names) {
        if (before.isBlank()) {
            return true;
        }
        for (String w : before.split("[\\s,]+")) {
            if (!w.isBlank() && !names.isName(w) && !w.equals("and") && !w.equals("both")) {
                return false;
            }
        }
        return true;
    }

    private static String trimPunctuation(String s) {
        return s.replaceAll("^[\\s,.!:-]+|[\\s,.!:-]+$", "");
    }
}
