package uk.openattendance.absence.domain.reply;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The first layer: a reply as parents type it, made into plain lower-case English words the later layers can read.
 * Smart quotes and dashes become plain ones, runs of punctuation one mark, sick emoji the words they stand for (a
 * vomiting face is a reason), other emoji nothing, text-speak its words, and greetings and sign-offs (in English or
 * another language around English content) are dropped so they are not mistaken for names or reasons.
 */
public final class Normaliser {
    private Normaliser() {}

    private static final Map<String, String> EMOJI = Map.ofEntries(
            Map.entry("\uD83E\uDD12", " poorly "), // thermometer face
            Map.entry("\uD83E\uDD22", " sick "), // nauseated face
            Map.entry("\uD83E\uDD2E", " vomiting "), // vomiting face
            Map.entry("\uD83E\uDD27", " cold "), // sneezing face
            Map.entry("\uD83E\uDD15", " hurt "), // head bandage
            Map.entry("\uD83D\uDE37", " poorly "), // medical mask
            Map.entry("\uD83E\uDDA0", " virus "), // microbe
            Map.entry("\uD83C\uDF21", " temperature "), // thermometer
            Map.entry("\uD83E\uDD77", " "));

    /** Whole-word text-speak and contractions, to the words the lexicon holds. */
    private static final Map<String, String> SPEAK = Map.ofEntries(
            Map.entry("hes", "he is"), Map.entry("shes", "she is"), Map.entry("theyre", "they are"), Map.entry("im", "i am"),
            Map.entry("ive", "i have"), Map.entry("cant", "cannot"), Map.entry("can't", "cannot"), Map.entry("wont", "will not"),
            Map.entry("won't", "will not"), Map.entry("dont", "do not"), Map.entry("don't", "do not"), Map.entry("didnt", "did not"),
            Map.entry("didn't", "did not"), Map.entry("isnt", "is not"), Map.entry("isn't", "is not"), Map.entry("hasnt", "has not"),
            Map.entry("hasn't", "has not"), Map.entry("wasnt", "was not"), Map.entry("wasn't", "was not"), Map.entry("arent", "are not"),
            Map.entry("aren't", "are not"), Map.entry("doesnt", "does not"), Map.entry("doesn't", "does not"), Map.entry("havent", "have not"),
            Map.entry("haven't", "have not"), Map.entry("he's", "he is"), Map.entry("she's", "she is"), Map.entry("they're", "they are"),
            Map.entry("i'm", "i am"), Map.entry("i've", "i have"), Map.entry("we're", "we are"), Map.entry("we've", "we have"),
            Map.entry("he'll", "he will"), Map.entry("she'll", "she will"), Map.entry("they'll", "they will"), Map.entry("we'll", "we will"),
            Map.entry("i'll", "i will"), Map.entry("it's", "it is"), Map.entry("its", "it is"), Map.entry("hell", "he will"),
            Map.entry("shell", "she will"), Map.entry("theyll", "they will"), Map.entry("well", "well"), Map.entry("he'd", "he would"),
            Map.entry("she'd", "she would"), Map.entry("i'd", "i would"), Map.entry("couldnt", "could not"), Map.entry("couldn't", "could not"),
            Map.entry("shouldnt", "should not"), Map.entry("wouldnt", "would not"), Map.entry("dr", "doctor"), Map.entry("drs", "doctors"),
            Map.entry("dr's", "doctors"), Map.entry("appt", "appointment"), Map.entry("appts", "appointments"), Map.entry("apt", "appointment"),
            Map.entry("appointmnt", "appointment"), Map.entry("hosp", "hospital"), Map.entry("tmrw", "tomorrow"), Map.entry("tmw", "tomorrow"),
            Map.entry("tmr", "tomorrow"), Map.entry("tomoz", "tomorrow"), Map.entry("2moro", "tomorrow"), Map.entry("2morrow", "tomorrow"),
            Map.entry("2mrw", "tomorrow"), Map.entry("tomorow", "tomorrow"), Map.entry("tommorow", "tomorrow"), Map.entry("tommorrow", "tomorrow"),
            Map.entry("2day", "today"), Map.entry("tday", "today"), Map.entry("todays", "today"), Map.entry("2nite", "tonight"),
            Map.entry("gonna", "going to"), Map.entry("gunna", "going to"), Map.entry("wanna", "want to"), Map.entry("gotta", "got to"),
            Map.entry("coz", "because"), Map.entry("cos", "because"), Map.entry("cuz", "because"), Map.entry("bc", "because"),
            Map.entry("b/c", "because"), Map.entry("becos", "because"), Map.entry("ur", "your"), Map.entry("pls", "please"),
            Map.entry("plz", "please"), Map.entry("plse", "please"), Map.entry("thx", "thanks"), Map.entry("thnx", "thanks"),
            Map.entry("ty", "thanks"), Map.entry("u", "you"), Map.entry("r", "are"), Map.entry("b4", "before"), Map.entry("b", "be"), Map.entry("l8", "late"), Map.entry("l8r", "later"), Map.entry("asap", "soon"),
            Map.entry("lol", ""), Map.entry("omg", ""), Map.entry("tbh", ""), Map.entry("fyi", ""), Map.entry("btw", ""),
            Map.entry("x", ""), Map.entry("xx", ""), Map.entry("xxx", ""), Map.entry("xxxx", ""), Map.entry("xo", ""),
            Map.entry("n", "and"), Map.entry("&", "and"), Map.entry("+", "and"), Map.entry("w/", "with"), Map.entry("wiv", "with"),
            Map.entry("2", "two"), Map.entry("3", "three"), Map.entry("4", "four"), Map.entry("atm", "now"), Map.entry("rn", "now"),
            Map.entry("bk", "back"), Map.entry("wk", "week"), Map.entry("wks", "weeks"), Map.entry("hrs", "hours"), Map.entry("hr", "hour"),
            Map.entry("mins", "minutes"), Map.entry("min", "minutes"), Map.entry("temp", "temperature"), Map.entry("tem", "temperature"),
            Map.entry("sch", "school"), Map.entry("skool", "school"), Map.entry("nite", "night"), Map.entry("avin", "having"),
            Map.entry("ill", "ill"), Map.entry("poorley", "poorly"), Map.entry("pourly", "poorly"), Map.entry("poorlly", "poorly"),
            Map.entry("unwel", "unwell"), Map.entry("sik", "sick"), Map.entry("bein", "being"), Map.entry("feelin", "feeling"),
            Map.entry("comin", "coming"), Map.entry("goin", "going"), Map.entry("gettin", "getting"), Map.entry("tonsilitis", "tonsillitis"),
            Map.entry("diarrhea", "diarrhoea"), Map.entry("diarhea", "diarrhoea"), Map.entry("diarrea", "diarrhoea"), Map.entry("diahorrea", "diarrhoea"),
            Map.entry("dentists", "dentist"), Map.entry("dentist's", "dentist"), Map.entry("doctor's", "doctors"), Map.entry("mum's", "mum"),
            Map.entry("wen", "when"), Map.entry("wot", "what"), Map.entry("wat", "what"), Map.entry("y", "why"), Map.entry("k", "ok"),
            Map.entry("kk", "ok"), Map.entry("okay", "ok"), Map.entry("okey", "ok"), Map.entry("c", "see"), Map.entry("d+v", "d and v"),
            Map.entry("d&v", "d and v"), Map.entry("d/v", "d and v"), Map.entry("v&d", "d and v"), Map.entry("a+e", "a and e"),
            Map.entry("a&e", "a and e"), Map.entry("bday", "birthday"), Map.entry("b'day", "birthday"), Map.entry("xmas", "christmas"));

    private static final Pattern GREETING_START = Pattern.compile(
            "^(?:(?:hi+|hiya|hey|hello|helo|morning|good morning|gm|dear (?:sir|madam|sir or madam|all|office|school|miss|mr \\w+|mrs \\w+|ms \\w+|miss \\w+)|"
                    + "to whom it may concern|salam|salaam|assalam(?:u)? ?alaikum|as-salamu alaykum|asalam o alaikum|assalam o alaikum|assalamu alaikum|salaam alaikum|as salaam alaikum|salam alaikum|"
                    + "dzien dobry|dzień dobry|cześć|czesc|hej|salut|hallo|merhaba|buna ziua|bună ziua|buna|bore da|helo|shwmae|ola|olá|bom dia|boa tarde|iska warran|nabad|"
                    + "hola|bonjour|ciao|namaste|sat sri akal|shalom|hi there|hello there|hey there|good afternoon|afternoon|hi all|hello all)"
                    + "(?:\\s+(?:miss|sir|there|all|team|office|mrs \\w+|mr \\w+|ms \\w+))?)(?=[\\s,.!:;-]|$)[\\s,.!:;-]*");
    private static final Pattern SIGN_OFF = Pattern.compile(
            "[\\s,.!-]*(?:(?:many )?thanks?(?: you)?(?: so much| very much)?|thank you|kind regards|regards|best wishes|best|cheers|ta|"
                    + "love|many thanks|thanks again|dziękuję|dziekuje|multumesc|mulțumesc|diolch|obrigad[oa]|mahadsanid|shukriya|jazakallah|"
                    + "thanks in advance|sorry for the inconvenience|apologies for the inconvenience|sorry for any inconvenience)"
                    + "(?:[\\s,.!-]+(?:mum|dad|mummy|daddy|mrs \\w+|mr \\w+|ms \\w+|miss \\w+|\\w+'s mum|\\w+'s dad|nan|gran|grandma|grandad))?"
                    + "[\\s,.!-]*$");
    private static final Pattern SIGNATURE = Pattern.compile("[\\s,.!-]+(?:-\\s*)?(?:mum|dad|mummy|daddy|\\w+'s mum|\\w+'s dad|\\w+ mum|\\w+ dad)[\\s.!]*$");

    /** The normalised text: lower case, plain punctuation, words spelt out. */
    public static String normalise(String text) {
        return spellOut(light(text)).replaceAll("\\s+", " ").strip();
    }

    /** Everything but the text-speak: for a reply in another language, whose short words are not English text-speak. */
    public static String light(String text) {
        if (text == null) {
            return "";
        }
        String t = text;
        for (Map.Entry<String, String> e : EMOJI.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        t = t.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201B', '\'').replace('\u00B4', '\'').replace('`', '\'')
                .replace('\u201C', '"').replace('\u201D', '"').replace('\u2013', '-').replace('\u2014', '-').replace('\u2026', '.')
                .replace('\u00A0', ' ');
        t = stripSymbols(t);
        t = Normalizer.normalize(t, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        // runs of punctuation become one mark; "!!!" and "..." carry no more meaning than one
        t = t.replaceAll("([!?.,;:])[!?.,;:]+", "$1").replaceAll("[\"*_~#]", " ").replaceAll("\\s+", " ").strip();
        t = FORWARDED.matcher(t).replaceAll(" ");
        // "sorry for the late text" is about the message, not the child
        t = t.replaceAll("(?:so )?sorry (?:for|about) (?:the |this |my )?late (?:text|message|reply|response|notice)|(?:sorry )?for (?:the )?short notice", " ");
        return stripGreetings(t);
    }

    private static final Pattern FORWARDED = Pattern.compile(
            "fwd:|fw:|-+ ?forwarded message ?-+|from: ?\\w+\\.?|sent from my \\w+|fwd from \\w+:?|this is (?:nanny|nan|grandma|granny|auntie|uncle) \\w+,?");

    /** Emoji and other symbols that carry no meaning the lexicon knows: dropped. */
    private static String stripSymbols(String t) {
        StringBuilder b = new StringBuilder();
        t.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
            b.append(symbol ? " " : new String(Character.toChars(cp)));
        });
        return b.toString();
    }

    static String stripGreetings(String t) {
        String before;
        do {
            before = t;
            t = t.replaceAll("(?:[\\s,.!]+x+)+[\\s.!]*$", "");
            t = GREETING_START.matcher(t).replaceFirst("");
            t = SIGN_OFF.matcher(t).replaceFirst("");
            t = SIGNATURE.matcher(t).replaceFirst("");
            t = t.strip();
        } while (!t.equals(before) && !t.isEmpty());
        return t;
    }

    private static String spellOut(String t) {
        List<String> out = new ArrayList<>();
        for (String token : t.split(" ")) {
            String core = token;
            String tail = "";
            while (!core.isEmpty() && ".,!?;:)".indexOf(core.charAt(core.length() - 1)) >= 0) {
                tail = core.charAt(core.length() - 1) + tail;
                core = core.substring(0, core.length() - 1);
            }
            String lead = "";
            while (!core.isEmpty() && "(".indexOf(core.charAt(0)) >= 0) {
                lead += core.charAt(0);
                core = core.substring(1);
            }
            String mapped = SPEAK.get(core);
            if (mapped == null && core.endsWith("'s") && SPEAK.containsKey(core.substring(0, core.length() - 2))) {
                mapped = null;
            }
            out.add(lead + (mapped == null ? core : mapped) + tail);
        }
        return String.join(" ", out);
    }
}
