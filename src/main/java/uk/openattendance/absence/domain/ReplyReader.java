package uk.openattendance.absence.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a parent's reply to an absence text: which of their children, why (mapped to a suggested category), for how
 * long. It only answers when it is sure; anything else (an unknown child, a holiday, words that suggest a child may be
 * at risk, a question, a reason it cannot place) is for a person to read, with the reason it was not sure. It is
 * deliberately cautious: a wrong automatic reading of a safeguarding message costs far more than an office minute.
 */
public final class ReplyReader {
    private ReplyReader() {}

    /** A child the sender is a contact for; {@code absentToday} when marked N this morning or named in our text. */
    public record Child(long pupilId, String firstName, boolean absentToday) {}

    public enum Review { SAFEGUARDING, HOLIDAY, QUESTION, UNKNOWN_CHILD, WHICH_CHILD, UNCLEAR_REASON, NO_CHILDREN, BEREAVEMENT }

    /** The reading: a category with children and dates when sure, else the reason a person must read it. */
    public record Reading(ReportCategory category, List<Long> pupilIds, LocalDate lastDate, LocalDate expectedReturn, Review review, String why) {
        public boolean confident() {
            return review == null;
        }

        static Reading review(Review review, String why, List<Long> pupils, ReportCategory category) {
            return new Reading(category, pupils, null, null, review, why);
        }
    }

    private static final Pattern SAFEGUARDING = words("police", "social services", "social worker", "hit", "hits", "hurt him", "hurt her", "hurting",
            "abuse", "abused", "scared", "afraid of", "unsafe", "not safe", "missing", "ran away", "run away", "runaway", "don't know where", "dont know where",
            "do not know where", "didn't come home", "didnt come home", "not come home", "hasn't come home", "hasnt come home", "domestic", "violence",
            "self[ -]harm\\w*", "crisis", "suicid\\w*", "kicked out", "threat\\w*", "assault\\w*", "bruis\\w*", "refuge", "court", "custody", "his dad took",
            "her dad took", "took him", "took her", "snatched", "a&e", "ambulance", "overdose");
    private static final Pattern HOLIDAY = words("holiday", "holidays", "vacation", "abroad", "flight", "flights", "airport", "plane", "trip to", "going away",
            "visiting family in", "back from spain", "in spain", "in turkey", "in pakistan", "in india", "in poland", "cruise", "half term break", "long weekend",
            "term time holiday");
    private static final Pattern BEREAVEMENT = words("funeral", "passed away", "died", "bereavement", "death in the family", "lost his", "lost her");
    private static final Pattern LATE = words("late", "running late", "on (?:our|his|her|their|my|the) way", "be in by", "be in at", "in at \\d", "in by \\d",
            "coming in later", "come in later", "in later", "bringing \\w+ in", "bring \\w+ in", "drop \\w+ (off|in)", "dropping \\w+ (off|in)",
            "there by \\d", "there at \\d", "overslept", "slept in", "missed the bus", "traffic", "car broke down", "car won't start", "after lunch",
            "this afternoon");
    private static final Pattern ILLNESS = words("sick", "ill", "illness", "poorly", "unwell", "not well", "not feeling well", "feeling rough", "temperature",
            "temp", "fever", "high temp", "vomit\\w*", "being sick", "been sick", "throwing up", "threw up", "sickness", "diarrhoea", "diarrhea", "d&v", "d and v",
            "bug", "tummy", "stomach", "colds?", "flu", "covid", "cough\\w*", "headache", "migraine", "chicken ?pox", "conjunctivitis", "ear infection",
            "ear ache", "earache", "tonsillitis", "virus", "infection", "rash", "asthma", "sore throat", "hand foot and mouth", "toothache", "tooth ache",
            "period pains", "injured", "injury", "sprained", "broke his", "broke her", "broken", "hay fever", "allergic reaction", "nosebleed", "croup",
            "scarlet fever", "strep", "off colour", "under the weather", "high temperature", "shivering", "achy", "aching");
    private static final Pattern MEDICAL = words("appointment", "appt", "dentist", "dental", "orthodontist", "optician", "opticians", "eye test", "hearing test",
            "clinic", "consultant", "physio", "physiotherapy", "camhs", "vaccination", "vaccine", "jab", "jabs", "hospital appointment", "x-ray", "xray",
            "blood test", "scan", "speech therapy", "check up", "check-up", "doctors at", "gp at", "surgery at");
    private static final Pattern RELIGIOUS = words("eid", "diwali", "yom kippur", "rosh hashanah", "passover", "vaisakhi", "baisakhi", "religious",
            "holy day", "festival", "ramadan", "guru nanak", "navratri", "good friday", "ash wednesday", "holi", "hanukkah", "purim", "sukkot", "shavuot");
    private static final Pattern QUESTION_START = Pattern.compile("^(who|what|why|when|where|how|can|could|would|should|is|are|do|does|did|will|shall)\\b.*");
    private static final Pattern ALL_CHILDREN = words("both", "all", "all three", "all 3", "the kids", "the children", "kids", "children", "the boys",
            "the girls", "they", "they're", "they are", "them", "twins");

    /** Capitalised words that are not names: sentence openers, days, months, festivals, titles. */
    private static final Set<String> NOT_NAMES = Set.of("i", "i'm", "i've", "i'll", "im", "sorry", "he", "he's", "she", "she's", "they",
            "they're", "we", "we're", "we'll", "hi", "hello", "morning", "good", "thanks", "thank", "yes", "no", "not", "just", "please",
            "my", "our", "the", "it", "it's", "is", "has", "will", "won't", "can", "unfortunately", "apologies", "afraid", "both", "already",
            "off", "ill", "poorly", "sick", "dear", "ok", "okay", "oh", "really", "still", "been", "being", "had", "have", "got", "feeling",
            "woke", "staying", "keeping", "kept", "all", "this", "that", "today", "tomorrow", "yesterday", "bad", "mr", "mrs", "miss", "ms",
            "dr", "gp", "nhs", "a&e", "covid", "eid", "diwali", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "mum",
            "dad", "mummy", "daddy", "nan", "nana", "grandma", "grandad", "he'll", "she'll", "her", "his", "him", "them", "their", "as",
            "at", "in", "on", "for", "and", "but", "so", "if", "a", "an", "to", "of", "with", "was", "be", "back", "also", "x", "xx", "xxx",
            "kids", "children", "school", "office", "there", "yeah", "yep", "sadly", "hope", "apologise", "one", "two", "after", "before",
            "due", "getting", "going", "having", "taking", "bringing", "don't", "dont", "hasn't", "didn't", "we've", "sorry,", "diarrhoea",
            "vomiting", "temperature", "appointment", "dentist", "doctors", "doctor", "hospital", "ramadan", "christmas", "easter", "holi",
            "jewish", "muslim", "hindu", "sikh", "christian", "church", "mosque", "temple", "synagogue", "gurdwara", "ps", "fyi", "re",
            "tonsillitis", "chickenpox", "flu", "cold", "bug", "camhs", "orthodontist", "optician", "physio", "eye", "ear", "tummy", "head",
            "high", "very", "quite", "a bit", "bit");

    public static Reading read(String text, List<Child> children, LocalDate today) {
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (t.isEmpty()) {
            return Reading.review(Review.UNCLEAR_REASON, "an empty message", List.of(), null);
        }
        if (children.isEmpty()) {
            return Reading.review(Review.NO_CHILDREN, "the sender is not a contact of any child on roll", List.of(), null);
        }
        ReportCategory category = category(lower);
        List<Long> named = namedChildren(lower, children);
        if (SAFEGUARDING.matcher(lower).find()) {
            return Reading.review(Review.SAFEGUARDING, "words that may mean a child is at risk", named, category);
        }
        if (BEREAVEMENT.matcher(lower).find()) {
            return Reading.review(Review.BEREAVEMENT, "a bereavement: the office replies in person and decides the code", named, category);
        }
        if (HOLIDAY.matcher(lower).find() && category != ReportCategory.RELIGIOUS_OBSERVANCE) {
            return Reading.review(Review.HOLIDAY, "a holiday or trip: leave is the headteacher's decision", named, category);
        }
        if (lower.contains("?") || QUESTION_START.matcher(lower).matches()) {
            return Reading.review(Review.QUESTION, "a question for the office", named, category);
        }
        List<Long> pupils = named;
        if (pupils.isEmpty()) {
            if (unknownName(t, children)) {
                return Reading.review(Review.UNKNOWN_CHILD, "a name that is not one of the sender's children", List.of(), category);
            }
            List<Child> absent = children.stream().filter(Child::absentToday).toList();
            if (lower.matches(".*\\bone of (them|the\\s\\w+)\\b.*")) {
                return Reading.review(Review.WHICH_CHILD, "it does not say which child", List.of(), category);
            }
            if (ALL_CHILDREN.matcher(lower).find()) {
                pupils = (absent.isEmpty() ? children : absent).stream().map(Child::pupilId).toList();
            } else if (absent.size() == 1) {
                pupils = List.of(absent.get(0).pupilId());
            } else if (absent.isEmpty() && children.size() == 1) {
                pupils = List.of(children.get(0).pupilId());
            } else {
                return Reading.review(Review.WHICH_CHILD, "it does not say which of " + children.size() + " children", List.of(), category);
            }
        }
        if (category == null) {
            return Reading.review(Review.UNCLEAR_REASON, "no reason we can place", pupils, null);
        }
        LocalDate last = today;
        LocalDate expectedReturn = null;
        if (category != ReportCategory.LATE_ARRIVAL) {
            Optional<LocalDate> back = returnDate(lower, today);
            if (back.isPresent()) {
                expectedReturn = back.get();
                last = expectedReturn.minusDays(1);
                while (last.isAfter(today) && (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY)) {
                    last = last.minusDays(1);
                }
            } else {
                last = lastDay(lower, today);
            }
        }
        return new Reading(category, pupils, last, expectedReturn, null, null);
    }

    static ReportCategory category(String lower) {
        if (RELIGIOUS.matcher(lower).find()) {
            return ReportCategory.RELIGIOUS_OBSERVANCE;
        }
        boolean medical = MEDICAL.matcher(lower).find();
        boolean ill = ILLNESS.matcher(lower).find();
        boolean late = LATE.matcher(lower).find();
        if (medical && late) {
            return ReportCategory.MEDICAL_APPOINTMENT;
        }
        if (late && !ill) {
            return ReportCategory.LATE_ARRIVAL;
        }
        if (medical && !ill) {
            return ReportCategory.MEDICAL_APPOINTMENT;
        }
        if (ill) {
            return ReportCategory.ILLNESS;
        }
        return medical ? ReportCategory.MEDICAL_APPOINTMENT : null;
    }

    private static List<Long> namedChildren(String lower, List<Child> children) {
        Set<Long> out = new LinkedHashSet<>();
        for (Child c : children) {
            String name = Pattern.quote(c.firstName().toLowerCase(Locale.ROOT));
            boolean mentioned = Pattern.compile("\\b" + name + "('s)?\\b").matcher(lower).find();
            // "Amelia is in school": named, but not as one of the absent
            boolean here = Pattern.compile("\\b" + name + "\\s+(?:is|'s|has gone|went)\\s+(?:in school|at school|to school|fine|ok|okay|well|in today|coming in)")
                    .matcher(lower).find();
            if (mentioned && !here) {
                out.add(c.pupilId());
            }
        }
        return new ArrayList<>(out);
    }

    /** A capitalised word that looks like a child's name but is none of the sender's children. */
    private static boolean unknownName(String text, List<Child> children) {
        // a name in a subject's place: "Tom has a temperature", "Sophie is ill", "Jacob's poorly"
        Matcher m = Pattern.compile("\\b([A-Z][a-z]{2,})(?:'s\\b|\\s+(?:is|has|had|was|will|won't|isn't|hasn't|needs|feels|and|woke|can't|cannot)\\b)")
                .matcher(text);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            if (NOT_NAMES.contains(w) || ILLNESS.matcher(w).matches() || MEDICAL.matcher(w).matches()) {
                continue;
            }
            if (children.stream().noneMatch(c -> c.firstName().equalsIgnoreCase(w))) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern N_DAYS = Pattern.compile("\\b(?:for |off )?(\\d|one|two|three|four|five|a couple of)\\s+(?:more\\s+)?(?:school\\s+)?days?\\b");
    private static final Pattern BACK_ON = Pattern.compile("\\b(?:back|return\\w*|in)\\s+(?:to school\\s+)?(?:on\\s+)?(monday|tuesday|wednesday|thursday|friday|tomorrow)\\b");
    private static final Pattern UNTIL = Pattern.compile("\\b(?:until|till|til|through|thru)\\s+(?:at least\\s+)?(monday|tuesday|wednesday|thursday|friday)\\b");

    private static Optional<LocalDate> returnDate(String lower, LocalDate today) {
        Matcher back = BACK_ON.matcher(lower);
        if (back.find()) {
            String day = back.group(1);
            return Optional.of(day.equals("tomorrow") ? nextSchoolDay(today) : today.with(TemporalAdjusters.next(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)))));
        }
        return Optional.empty();
    }

    private static LocalDate lastDay(String lower, LocalDate today) {
        Matcher until = UNTIL.matcher(lower);
        if (until.find()) {
            return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.valueOf(until.group(1).toUpperCase(Locale.ROOT))));
        }
        if (lower.matches(".*\\b(rest of the week|rest of this week|all week|this week)\\b.*")) {
            return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        }
        if (lower.matches(".*\\b(today and tomorrow|tomorrow as well|tomorrow too|and tomorrow)\\b.*")) {
            return nextSchoolDay(today);
        }
        Matcher n = N_DAYS.matcher(lower);
        if (n.find()) {
            int days = switch (n.group(1)) {
                case "one" -> 1;
                case "two", "a couple of" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                case "five" -> 5;
                default -> Integer.parseInt(n.group(1));
            };
            LocalDate d = today;
            for (int i = 1; i < Math.min(days, 10); i++) {
                d = nextSchoolDay(d);
            }
            return d;
        }
        return today;
    }

    private static LocalDate nextSchoolDay(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
            n = n.plusDays(1);
        }
        return n;
    }

    private static Pattern words(String... phrases) {
        return Pattern.compile("\\b(" + String.join("|", phrases) + ")\\b", Pattern.CASE_INSENSITIVE);
    }
}
