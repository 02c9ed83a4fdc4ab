package uk.openattendance.absence.domain.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replies written in another language. Each language is recognised by a profile of its commonest small words (a greeting
 * in Polish around English content is still English); a reply in another language is rendered word by word into the
 * English the reader knows through a tiny lexicon of illness, appointment, school and time words, so the office sees a
 * suggestion, but nothing read this way is ever applied without a person.
 */
public final class Languages {
    private Languages() {}

    public record Language(String name, Set<String> stopWords, Map<String, String> toEnglish) {}

    private static Map<String, String> words(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static final List<Language> LANGUAGES = List.of(
            new Language("Polish", Set.of("jest", "są", "sa", "ma", "mają", "maja", "i", "w", "do", "na", "nie", "się", "sie", "dziś", "dzis",
                    "dzisiaj", "domu", "o", "u", "oboje", "dzieci", "potem", "szkoły", "szkoly", "zostanie", "zostaną"),
                    words("dzień dobry", "", "dzien dobry", "", "cześć", "", "czesc", "", "są chorzy", "are ill", "są chore", "are ill",
                            "sa chorzy", "are ill", "chory", "ill", "chora", "ill", "chorzy", "ill", "chore", "ill", "jest", "is", "mają", "have",
                            "maja", "have", "ma wizytę u dentysty", "has a dentist appointment", "wizytę u dentysty", "dentist appointment",
                            "wizyte u dentysty", "dentist appointment", "u lekarza", "doctor appointment", "wizytę", "appointment", "ma", "has",
                            "oboje dzieci", "both children", "oboje", "both", "dzieci", "children", "grypę", "flu", "grype", "flu", "grypa", "flu",
                            "gorączkę", "fever", "goraczke", "fever", "gorączka", "fever", "kaszel", "cough", "wymiotuje", "vomiting",
                            "zostanie w domu", "stays home", "zostaną w domu", "stay home", "zostana w domu", "stay home", "w domu", "at home",
                            "do końca tygodnia", "all week", "do konca tygodnia", "all week", "dziś", "today", "dzis", "today", "dzisiaj", "today",
                            "jutro", "tomorrow", "potem przyjdzie do szkoły", "then coming in after", "przyjdzie do szkoły", "coming in later",
                            "jest w szkole", "is in school", "w szkole", "in school", "i", "and", "a", "and", "o", "at")),
            new Language("Romanian", Set.of("este", "și", "si", "are", "au", "la", "azi", "acasă", "acasa", "mâine", "maine", "în", "cu",
                    "bolnav", "bolnavă", "stau", "rămâne", "ramane", "ei", "lui"),
                    words("bună dimineața", "", "buna dimineata", "", "bună ziua", "", "buna ziua", "", "bună", "", "buna", "",
                            "este bolnav", "is ill", "este bolnavă", "is ill", "este bolnava", "is ill", "sunt bolnavi", "are ill", "bolnav", "ill",
                            "bolnavă", "ill", "bolnava", "ill", "bolnavi", "ill", "are programare la medic", "has a doctor appointment",
                            "are programare la dentist", "has a dentist appointment", "programare", "appointment", "medic", "doctor",
                            "febră", "fever", "febra", "fever", "tuse", "cough", "varicelă", "chickenpox", "varicela", "chickenpox",
                            "rămâne acasă", "stays home", "ramane acasa", "stays home", "stau acasă", "stay home", "stau acasa", "stay home",
                            "toată săptămâna", "all week", "toata saptamana", "all week", "azi și mâine", "today and tomorrow",
                            "azi si maine", "today and tomorrow", "azi", "today", "astăzi", "today", "mâine", "tomorrow", "maine", "tomorrow",
                            "fratele ei", "her brother", "fratele lui", "his brother", "sora ei", "her sister", "sora lui", "his sister",
                            "este la școală", "is in school", "este la scoala", "is in school", "la școală", "in school", "la scoala", "in school",
                            "la ora", "at", "este", "is", "are", "has", "au", "have", "și", "and", "si", "and")),
            new Language("Welsh", Set.of("mae", "yn", "gyda", "gyda'r", "nhw", "bydd", "byddan", "heddiw", "yfory", "nôl", "nol", "dydd",
                    "ac", "i gyd", "plant", "hi", "fe"),
                    words("bore da", "", "shwmae", "", "mae'r plant i gyd", "all the children", "mae'r plant", "the children", "plant", "children",
                            "i gyd", "all", "yn sâl", "are ill", "yn sal", "are ill", "sâl", "ill", "sal", "ill", "gyda'r ffliw", "with flu",
                            "ffliw", "flu", "gwres uchel", "high temperature", "gwres", "temperature", "peswch", "cough", "byddan nhw nôl",
                            "they will be back", "byddan nhw nol", "they will be back", "bydd hi nôl", "she will be back", "bydd hi nol",
                            "she will be back", "bydd e nôl", "he will be back", "bydd o nôl", "he will be back", "nôl", "back", "nol", "back",
                            "dydd llun", "monday", "dydd mawrth", "tuesday", "dydd mercher", "wednesday", "dydd iau", "thursday",
                            "dydd gwener", "friday", "heddiw", "today", "yfory", "tomorrow", "gobeithio", "", "mae", "", "gyda", "with",
                            "ac", "and", "a", "and", "yn yr ysgol", "in school")),
            new Language("Somali", Set.of("iyo", "way", "maanta", "ayay", "waa", "ma", "guriga", "yihiin", "tahay", "wuu", "wey"),
                    words("subax wanaagsan", "", "iska warran", "", "labadooduba", "both", "way xanuunsan yihiin", "are ill",
                            "way xanuunsan tahay", "is ill", "wuu xanuunsan yahay", "is ill", "xanuunsan", "ill", "jiran", "ill", "qandho", "fever",
                            "ayay qabtaa", "", "qufac", "cough", "maanta", "today", "berri", "tomorrow", "guriga ayay joogaan", "at home",
                            "guriga", "home", "iskuulka ma imaan karto", "cannot come", "iskuulka ma imaan karo", "cannot come", "iskuulka", "school",
                            "iyo", "and", "way", "", "ayay", "", "joogaan", "")),
            new Language("Urdu", Set.of("aur", "hai", "hain", "ko", "ki", "ka", "ke", "nahi", "par", "tak", "dono", "aaj", "kal", "sab", "usay", "gaya"),
                    words("assalam o alaikum", "", "assalamu alaikum", "", "salam", "", "bachon ko", "the children have", "bachay", "the children",
                            "dono", "both", "bimaar", "ill", "bimar", "ill", "ki tabiyat theek nahi hai", "is not well", "tabiyat theek nahi",
                            "not well", "ulti", "vomiting", "bukhar", "fever", "dast", "diarrhoea", "khansi", "cough", "kal tak", "until tomorrow",
                            "ghar par rahenge", "stay home", "ghar par hain", "at home", "ghar par", "at home", "aaj school nahi aayegi",
                            "not coming today", "aaj school nahi aayega", "not coming today", "school nahi aayegi", "not coming",
                            "school nahi aayega", "not coming", "school gaya hai", "went in this morning", "school gayi hai", "went in this morning",
                            "school gaye hain", "went in this morning", "usay", "she has", "aaj", "today", "aur", "and", "sab", "all",
                            "hain", "", "hai", "", "ko", "")),
            new Language("Portuguese", Set.of("o", "a", "tem", "está", "esta", "com", "em", "casa", "e", "fica", "às", "no", "na", "para", "escola"),
                    words("bom dia", "", "boa tarde", "", "olá", "", "ola", "", "tem consulta no dentista", "has a dentist appointment",
                            "tem consulta no médico", "has a doctor appointment", "consulta", "appointment", "dentista", "dentist", "médico",
                            "doctor", "e depois vai para a escola", "and will come in after", "depois vai para a escola", "will come in after",
                            "está com febre", "has a fever", "esta com febre", "has a fever", "febre", "fever", "doente", "ill", "tosse", "cough",
                            "fica em casa", "stays home", "em casa", "at home", "hoje", "today", "amanhã", "tomorrow", "às", "at", "e", "and",
                            "o", "", "a", "", "está", "is")),
            new Language("Spanish", Set.of("y", "están", "estan", "está", "con", "el", "la", "los", "hoy", "vuelven", "vuelve", "en", "de"),
                    words("buenos días", "", "buenos dias", "", "hola", "", "están enfermos", "are ill", "estan enfermos", "are ill",
                            "está enfermo", "is ill", "está enferma", "is ill", "enfermos", "ill", "enfermo", "ill", "enferma", "ill", "con gripe",
                            "with flu", "gripe", "flu", "fiebre", "fever", "tos", "cough", "vuelven el", "back", "vuelve el", "back", "vuelven",
                            "back", "vuelve", "back", "lunes", "monday", "martes", "tuesday", "miércoles", "wednesday", "miercoles", "wednesday",
                            "jueves", "thursday", "viernes", "friday", "hoy", "today", "mañana", "tomorrow", "y", "and", "con", "with")));

    private static final Pattern NON_LATIN = Pattern.compile("[\\p{IsArabic}\\p{IsBengali}\\p{IsDevanagari}\\p{IsGurmukhi}\\p{IsCyrillic}\\p{IsHan}]");
    private static final Set<String> ENGLISH_STOP = Set.of("the", "is", "has", "and", "he", "she", "they", "with", "off", "today", "sorry",
            "a", "to", "of", "in", "at", "got", "been", "have", "will", "his", "her", "not", "be", "i", "we", "my", "so", "on", "for", "are");

    /** Text mostly in a non-Latin script (Arabic, Bengali, ...) the reader cannot read at all. */
    public static boolean unreadableScript(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long foreign = text.codePoints().filter(cp -> NON_LATIN.matcher(new String(Character.toChars(cp))).matches()).count();
        return letters > 0 && foreign * 2 >= letters;
    }

    /** The other language a normalised reply is written in, if its small words outnumber English ones. */
    public static Optional<Language> detect(String normalised) {
        List<String> tokens = new ArrayList<>(List.of(normalised.split("[^\\p{L}']+")));
        long english = tokens.stream().filter(ENGLISH_STOP::contains).count();
        Language best = null;
        long bestCount = 0;
        for (Language l : LANGUAGES) {
            long n = tokens.stream().filter(t -> l.stopWords().contains(t) && !ENGLISH_STOP.contains(t)).count()
                    + l.toEnglish().keySet().stream().filter(k -> k.length() > 3 && !ENGLISH_STOP.contains(k) && contains(normalised, k)).count();
            if (n > bestCount) {
                bestCount = n;
                best = l;
            }
        }
        return best != null && bestCount >= 3 && bestCount > english * 2 ? Optional.of(best) : Optional.empty();
    }

    /** The reply rendered in the English the reader knows: the language's phrases, longest first, replaced word for word. */
    public static String translate(String normalised, Language language) {
        String t = " " + normalised.replaceAll("([.,!?;])", " $1 ") + " ";
        List<String> keys = new ArrayList<>(language.toEnglish().keySet());
        keys.sort((a, b) -> b.length() - a.length());
        for (String k : keys) {
            t = t.replaceAll("(?<=\\s)" + Pattern.quote(k) + "(?=\\s)", language.toEnglish().get(k).isEmpty() ? "" : Matcher_quote(language.toEnglish().get(k)));
        }
        return t.replaceAll("\\s+([.,!?;])", "$1").replaceAll("\\s+", " ").strip();
    }

    private static String Matcher_quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }

    private static boolean contains(String text, String phrase) {
        return Pattern.compile("(?<![\\p{L}'])" + Pattern.quote(phrase) + "(?![\\p{L}'])").matcher(text).find();
    }
}
