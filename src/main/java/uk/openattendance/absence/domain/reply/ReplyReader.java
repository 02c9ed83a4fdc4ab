package uk.openattendance.absence.domain.reply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;

/**
 * Reads a parent's reply to an absence text child by child. The layers, each pure and tested alone: {@link Normaliser}
 * (case, quotes, emoji, text-speak, greetings), {@link Languages} (another language rendered into English words),
 * {@link Clauses} (one subject each), {@link Names} and {@link References} (which children each clause is about),
 * {@link ReasonClassifier} (why, with a confidence), {@link Lengths} (for how long, in school days). This class puts
 * them together into one outcome per child and the reasons a person must look. When it is unsure it sends the reply to
 * a person: a child wrongly explained drops off the first-day chain, which costs far more than a minute of the office.
 */
public final class ReplyReader {
    private ReplyReader() {}

    private static final Pattern QUESTION_START = Pattern.compile(
            "^(?:who|what|why|when|where|how|is there|are there|is it|can i|could i|do i|do you|does|did|should i|are they allowed|is (?:he|she) allowed)\\b.*");
    private static final Pattern PARENT_SUBJECT = Pattern.compile(
            "^(?:i|i am|i have|i have got|i have been|i had|i was|my husband|my wife|my partner|my hubby|mum|dad|mummy|daddy|me)\\b"
                    + "(?!.*\\b(?:think|thought|reckon|guess|believe|suspect|it is|was|going round|with (?:him|her|them)|keep|keeping|kept)\\b)");
    private static final Pattern SUBJECT_VERB = Pattern.compile(
            "^(?:is|has|was|will|had|have|got|feels|woke|needs|went|stayed|seems|threw|hurt|broke|fell|cannot|can't|won't|not|still|been|and \\w+ (?:are|have|both))\\b.*");

    public static ReplyReading read(String text, List<RollChild> roll, LocalDate today, SchoolCalendar calendar, ReaderSettings settings) {
        return read(text, roll, today, calendar, settings, ReasonModel.trained());
    }

    /** As {@link #read(String, List, LocalDate, SchoolCalendar, ReaderSettings)} with a model of the caller's (cross-validation trains its own). */
    static ReplyReading read(String text, List<RollChild> roll, LocalDate today, SchoolCalendar calendar, ReaderSettings settings, ReasonModel model) {
        Set<ReviewReason> reviews = EnumSet.noneOf(ReviewReason.class);
        if (roll.isEmpty()) {
            return new ReplyReading(List.of(), Set.of(ReviewReason.UNKNOWN_SENDER));
        }
        model = model.ignoring(familyNames(roll));
        String raw = text == null ? "" : text;
        if (Languages.unreadableScript(raw)) {
            reviews.add(ReviewReason.OTHER_LANGUAGE);
            return allForAPerson(roll, reviews, "written in a script the reader cannot read", raw);
        }
        String light = Normaliser.light(raw);
        Optional<Languages.Language> language = Languages.detect(light);
        String normalised = language.map(l -> Normaliser.normalise(Languages.translate(light, l))).orElseGet(() -> Normaliser.normalise(raw));
        if (language.isPresent()) {
            reviews.add(ReviewReason.OTHER_LANGUAGE);
        }
        List<RollChild> absent = roll.stream().filter(RollChild::markedAbsent).toList();
        List<String> clauses = Clauses.split(normalised, w -> Names.match(0, w, roll).isPresent()
                || w.matches("(?:the|my|our|his|her)") && false);
        Set<String> capitalised = capitalisedWords(raw);
        boolean strangers = false;

        // bind each clause to its children; a clause naming nobody continues the one before
        List<Bound> bound = new ArrayList<>();
        List<RollChild> previous = List.of();
        for (String clause : clauses) {
            References.Binding b = References.bind(clause, roll, previous);
            if (stranger(clause, roll, capitalised, language.isPresent())) {
                strangers = true;
            }
            boolean question = clause.contains("?") || QUESTION_START.matcher(clause).matches();
            ReasonClassifier.Classification c = question ? new ReasonClassifier.Classification(Reason.QUESTION, 1.0) : ReasonClassifier.classify(clause, model);
            if (question && ReasonClassifier.classify(clause, model).reason() == Reason.IN_SCHOOL) {
                c = new ReasonClassifier.Classification(Reason.IN_SCHOOL, 1.0);
            }
            if (question && ReasonClassifier.classify(clause, model).reason() == Reason.SAFEGUARDING) {
                c = new ReasonClassifier.Classification(Reason.SAFEGUARDING, 1.0);
            }
            if (c.reason() == Reason.ILLNESS && !b.explicit() && b.children().isEmpty() && PARENT_SUBJECT.matcher(clause).find()) {
                // "I've got a migraine", "my husband has covid": the parent's illness is not the child's
                c = new ReasonClassifier.Classification(Reason.INVALID, c.confidence());
            }
            List<RollChild> children = b.children();
            boolean inherited = false;
            if (children.isEmpty() && !b.ambiguous() && !b.explicit()) {
                children = previous;
                inherited = true;
            }
            boolean byName = b.explicit() && !inherited && java.util.Arrays.stream(clause.split("[\\s,.!?;:()/]+"))
                    .anyMatch(w -> Names.match(0, w, roll).filter(m -> !m.ambiguous()).isPresent());
            // "Grace has a follow up at 2 so I'll collect her at lunch": a pronoun continuing a named child counts as naming her
            boolean continues = !b.explicit() && !children.isEmpty() && !bound.isEmpty() && bound.get(bound.size() - 1).byName();
            bound.add(new Bound(clause, children, b.ambiguous() ? b.candidates() : List.of(), b.ambiguous(), b.explicit(), inherited,
                    byName || continues, c));
            if (!children.isEmpty()) {
                previous = children;
            }
        }
        // leading clauses that named nobody belong to the first children named after them
        List<RollChild> firstNamed = bound.stream().filter(x -> !x.children().isEmpty()).map(Bound::children).findFirst().orElse(List.of());
        boolean anyBinding = bound.stream().anyMatch(x -> !x.children().isEmpty() || x.ambiguous() || x.explicit());
        List<RollChild> fallback;
        if (anyBinding) {
            fallback = firstNamed;
        } else if (absent.size() == 1 || bound.stream().anyMatch(x -> FAMILY_REASONS.contains(x.reason()))) {
            // "we're in Florida till the 7th", "Nana's funeral is on Wednesday": the whole family, so every child marked absent
            fallback = absent;
        } else if (absent.isEmpty() && roll.size() == 1) {
            fallback = roll;
        } else {
            fallback = List.of();
        }
        boolean whoUnclear = !anyBinding && fallback.isEmpty();
        for (int i = 0; i < bound.size(); i++) {
            Bound x = bound.get(i);
            if (x.children().isEmpty() && !x.ambiguous() && !x.explicit()) {
                bound.set(i, x.withChildren(fallback));
            }
        }

        if (clauses.isEmpty()) {
            reviews.add(ReviewReason.UNCLEAR);
            return allForAPerson(roll, reviews, "an empty reply", raw);
        }
        boolean safeguarding = bound.stream().anyMatch(x -> x.reason() == Reason.SAFEGUARDING);
        boolean safeguardingForAll = bound.stream().anyMatch(x -> x.reason() == Reason.SAFEGUARDING && (x.children().isEmpty() || !x.explicit() && x.inherited() && x.children().size() > 1));
        if (safeguarding) {
            reviews.add(ReviewReason.SAFEGUARDING);
        }
        if (!raw.isBlank() && raw.codePoints().noneMatch(Character::isLetter)) {
            // emoji alone: a suggestion, for a person to confirm
            for (int i = 0; i < bound.size(); i++) {
                Bound x = bound.get(i);
                bound.set(i, new Bound(x.clause(), x.children(), x.candidates(), x.ambiguous(), x.explicit(), x.inherited(), x.byName(),
                        new ReasonClassifier.Classification(x.reason(), Math.min(0.5, x.classification().confidence()), x.classification().guessed(), false)));
            }
        }
        if (bound.stream().anyMatch(x -> x.reason() == Reason.QUESTION)) {
            reviews.add(ReviewReason.QUESTION);
        }
        if (strangers) {
            reviews.add(ReviewReason.UNCLEAR);
        }

        Map<RollChild, ChildOutcomeAndConfidence> outcomes = new LinkedHashMap<>();
        for (RollChild child : roll) {
            List<Bound> mine = bound.stream().filter(x -> x.children().contains(child)).toList();
            boolean candidate = bound.stream().anyMatch(x -> x.ambiguous() && x.candidates().contains(child));
            String clause = mine.isEmpty() ? "" : String.join("; ", mine.stream().map(Bound::clause).toList());
            if (!child.markedAbsent()) {
                boolean namedAsAbsent = mine.stream().anyMatch(x -> x.explicit() && absenceReason(x.reason()));
                if (namedAsAbsent) {
                    reviews.add(ReviewReason.PRESENT_CHILD_NAMED);
                }
                outcomes.put(child, new ChildOutcomeAndConfidence(new ChildOutcome.NotAbsent(), 1.0, clause));
                continue;
            }
            if (safeguardingForAll || mine.stream().anyMatch(x -> x.reason() == Reason.SAFEGUARDING)) {
                outcomes.put(child, person("words that may mean a child is at risk", clause));
                continue;
            }
            boolean namedWithReason = mine.stream().anyMatch(x -> x.byName() && absenceReason(x.reason()));
            if (mine.stream().anyMatch(x -> x.reason() == Reason.IN_SCHOOL && (x.byName() || !namedWithReason))) {
                reviews.add(ReviewReason.SAID_IN_SCHOOL);
                outcomes.put(child, person("the family says this child is in school", clause));
                continue;
            }
            if (candidate || whoUnclear || strangers) {
                reviews.add(ReviewReason.UNCLEAR);
                outcomes.put(child, person("the reply does not say clearly which child", clause));
                continue;
            }
            if (mine.isEmpty()) {
                outcomes.put(child, new ChildOutcomeAndConfidence(new ChildOutcome.Unexplained(), 1.0, ""));
                continue;
            }
            boolean unresolved = bound.stream().anyMatch(Bound::ambiguous);
            outcomes.put(child, outcomeFor(child, roll, mine, clause, today, calendar, settings, language.isPresent(), reviews, absent.size(), unresolved, model));
        }
        boolean someExplained = outcomes.values().stream().anyMatch(o -> !(o.outcome() instanceof ChildOutcome.Unexplained)
                && !(o.outcome() instanceof ChildOutcome.NotAbsent));
        boolean someUnexplained = outcomes.values().stream().anyMatch(o -> o.outcome() instanceof ChildOutcome.Unexplained);
        if (someUnexplained) {
            reviews.add(someExplained ? ReviewReason.PARTIAL : ReviewReason.UNCLEAR);
        }
        List<ReplyReading.ChildReading> readings = new ArrayList<>();
        for (RollChild child : roll) {
            ChildOutcomeAndConfidence o = outcomes.get(child);
            readings.add(new ReplyReading.ChildReading(child.pupilId(), o.outcome(), o.confidence(), o.clause()));
        }
        return new ReplyReading(readings, reviews);
    }

    private static final Set<Reason> FAMILY_REASONS = EnumSet.of(Reason.HOLIDAY, Reason.BEREAVEMENT, Reason.RELIGIOUS, Reason.LATE);

    private static boolean absenceReason(Reason r) {
        return r != Reason.IN_SCHOOL && r != Reason.NONE && r != Reason.QUESTION;
    }

    private record Bound(String clause, List<RollChild> children, List<RollChild> candidates, boolean ambiguous, boolean explicit,
            boolean inherited, boolean byName, ReasonClassifier.Classification classification) {
        Reason reason() {
            return classification.reason();
        }

        Bound withChildren(List<RollChild> c) {
            return new Bound(clause, c, candidates, ambiguous, explicit, true, byName, classification);
        }
    }

    private record ChildOutcomeAndConfidence(ChildOutcome outcome, double confidence, String clause) {}

    private static ChildOutcomeAndConfidence person(String why, String clause) {
        return new ChildOutcomeAndConfidence(new ChildOutcome.ForPerson(why), 1.0, clause);
    }

    /** One absent child's outcome from the clauses about them. */
    private static ChildOutcomeAndConfidence outcomeFor(RollChild child, List<RollChild> roll, List<Bound> mine, String clause, LocalDate today, SchoolCalendar calendar,
            ReaderSettings settings, boolean otherLanguage, Set<ReviewReason> reviews, int absentCount, boolean unresolvedSubject, ReasonModel model) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        boolean lexical = mine.stream().anyMatch(b -> b.reason().explains() && !b.classification().guessed());
        for (Bound b : mine) {
            // a model's guess counts only where the lexicon found nothing about this child
            if (b.reason().explains() && (!lexical || !b.classification().guessed())) {
                reasons.add(b.reason());
            }
        }
        Reason reason = primary(reasons);
        double confidence = mine.stream().filter(b -> b.reason() == reason || reason == Reason.ILLNESS && b.reason() == Reason.GP)
                .mapToDouble(b -> b.classification().confidence()).max().orElse(0.0);
        if ((reason.code().isPresent() || reason == Reason.LATE) && mine.stream().noneMatch(b -> b.reason() == reason && b.classification().guessed())) {
            // the model also reads all that is said about the child together, as it was trained on whole replies
            String all = String.join(". ", mine.stream().map(Bound::clause).toList());
            confidence = Math.min(confidence, model.combine(ReasonClassifier.LEXICON_CONFIDENCE, reason, all));
        }
        if (reason == Reason.NONE) {
            reviews.add(ReviewReason.UNCLEAR);
            return person("no reason the reader can place", clause);
        }
        if (reason == Reason.INVALID) {
            reviews.add(ReviewReason.UNCLEAR);
            return person("a reason that may not be an authorised absence", clause);
        }
        String text = String.join(". ", mine.stream().map(Bound::clause).toList());
        List<Bound> giving = mine.stream().filter(b -> b.reason() == reason || reason == Reason.ILLNESS && b.reason() == Reason.GP).toList();
        // bound for certain: the child is the only one absent, or the clauses giving the reason bind by a name or by a
        // reference with exactly one fit (not inherited from a clause before); a late arrival needs one such clause
        java.util.function.Predicate<Bound> certain = b -> b.byName() || !b.inherited() && !b.ambiguous() && !b.children().isEmpty();
        // (a model's guess beside the lexicon's clause, "back wednesday", does not unbind it)
        List<Bound> read = giving.stream().filter(b -> !b.classification().guessed()).toList();
        boolean boundForCertain = absentCount == 1 || (reason == Reason.LATE ? mine.stream().anyMatch(certain)
                : (read.isEmpty() ? giving : read).stream().allMatch(certain));
        // the model is asked about the whole of what is said about the child, as it was trained on whole replies
        boolean modelAgrees = giving.stream().allMatch(b -> b.classification().modelAgrees())
                || ReasonClassifier.agrees(reason, model.guess(text));
        ApplyGate.Evidence evidence = new ApplyGate.Evidence(text, giving.stream().anyMatch(Bound::byName), boundForCertain, unresolvedSubject,
                giving.stream().allMatch(b -> b.classification().guessed()), modelAgrees, unfamiliar(text, roll, model),
                ApplyGate.competing(reason, Lexicon.hits(text)));
        if (reason == Reason.LATE) {
            if (!ApplyGate.lateBreaks(evidence).isEmpty() || confidence < settings.confidenceToApply()) {
                reviews.add(ReviewReason.UNCLEAR);
                return person("the reply does not say clearly that this child is coming in today", clause);
            }
            return new ChildOutcomeAndConfidence(new ChildOutcome.Late(), confidence, clause);
        }
        String code = reason.code().orElseThrow();
        boolean apply = true;
        if (reason == Reason.RELIGIOUS) {
            Festivals.Verdict v = Festivals.judge(text, today);
            if (v == Festivals.Verdict.NOT_ITS_DAY) {
                reviews.add(ReviewReason.UNCLEAR);
                return person("a festival that does not fall today", clause);
            }
            if (v != Festivals.Verdict.ON_ITS_DAY) {
                reviews.add(ReviewReason.UNCLEAR);
                apply = false;
            }
        }
        if (reason == Reason.APPOINTMENT) {
            reviews.add(ReviewReason.UNSPECIFIED_APPOINTMENT);
        }
        if (reason == Reason.BEREAVEMENT) {
            reviews.add(ReviewReason.BEREAVEMENT);
            apply = false;
        }
        if (reason == Reason.HOLIDAY) {
            reviews.add(ReviewReason.HOLIDAY);
            apply = false;
        }
        if (otherLanguage) {
            apply = false;
        }
        Lengths.Span span = Lengths.read(text, today, calendar);
        LocalDate first = span.lastDay().isBefore(today) ? span.lastDay() : today;
        Optional<LocalDate> applyThrough = Optional.of(span.lastDay());
        if (span.unclear()) {
            reviews.add(ReviewReason.UNCLEAR);
            applyThrough = Optional.of(first);
        }
        if (Lengths.schoolDays(span, today, calendar) > settings.selfCertificationSchoolDays()) {
            reviews.add(ReviewReason.OVER_SELF_CERT_LIMIT);
            applyThrough = Optional.of(first);
        }
        if (confidence < settings.confidenceToApply()) {
            reviews.add(ReviewReason.UNCLEAR);
            apply = false;
        }
        if (apply && !ApplyGate.codedBreaks(evidence).isEmpty()) {
            // suggested for a person to confirm: the evidence is not strong and unambiguous enough to apply
            reviews.add(ReviewReason.UNCLEAR);
            apply = false;
        }
        Session last = span.lastSession();
        ChildOutcome.Coded coded = new ChildOutcome.Coded(code, first, span.lastDay(), last, span.expectedReturn(), apply ? applyThrough : Optional.empty());
        return new ChildOutcomeAndConfidence(coded, confidence, clause);
    }

    /**
     * The words said about a child that no training reply used, leaving out the family's own names (every family's are
     * new) and words the reader's dictionary knows as ordinary English spelt right, which the model's not having seen does
     * not make strange: what is left is text-speak, misspellings and words of meaning the reader has no entry for.
     */
    static int unfamiliar(String text, List<RollChild> roll, ReasonModel model) {
        Set<String> names = familyNames(roll);
        int n = 0;
        for (String w : model.unfamiliarWords(text)) {
            if (!names.contains(w) && Names.match(0, w, roll).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** The forenames, legal and preferred, of the children the sender is a contact for, as the normaliser spells them. */
    static Set<String> familyNames(List<RollChild> roll) {
        Set<String> names = new HashSet<>();
        for (RollChild c : roll) {
            for (String n : new String[] {c.legalForename(), c.preferredForename()}) {
                if (n != null && !n.isBlank()) {
                    for (String part : n.toLowerCase(java.util.Locale.ROOT).split("[\\s/-]+")) {
                        names.add(Names.bare(part));
                    }
                }
            }
        }
        return names;
    }

    /** The reason that decides a child's outcome when clauses about them give several. */
    static Reason primary(Set<Reason> reasons) {
        if (reasons.isEmpty()) {
            return Reason.NONE;
        }
        for (Reason r : List.of(Reason.BEREAVEMENT, Reason.HOLIDAY, Reason.RELIGIOUS, Reason.INVALID, Reason.MEDICAL)) {
            if (reasons.contains(r)) {
                return r;
            }
        }
        if (reasons.contains(Reason.GP) && reasons.contains(Reason.ILLNESS)) {
            // "the GP says she needs two days off", "taking her to the GP with a rash": an illness, not an appointment
            return reasons.contains(Reason.LATE) ? Reason.LATE : Reason.ILLNESS;
        }
        if (reasons.contains(Reason.APPOINTMENT)) {
            return Reason.APPOINTMENT;
        }
        if (reasons.contains(Reason.LATE)) {
            return Reason.LATE;
        }
        if (reasons.contains(Reason.ILLNESS)) {
            return Reason.ILLNESS;
        }
        if (reasons.contains(Reason.GP)) {
            return Reason.GP;
        }
        return reasons.iterator().next();
    }

    private static ReplyReading allForAPerson(List<RollChild> roll, Set<ReviewReason> reviews, String why, String clause) {
        List<ReplyReading.ChildReading> readings = new ArrayList<>();
        for (RollChild c : roll) {
            ChildOutcome o = c.markedAbsent() ? new ChildOutcome.ForPerson(why) : new ChildOutcome.NotAbsent();
            readings.add(new ReplyReading.ChildReading(c.pupilId(), o, 0.0, clause));
        }
        return new ReplyReading(readings, reviews);
    }

    private static Set<String> capitalisedWords(String raw) {
        Set<String> out = new HashSet<>();
        for (String t : raw.split("[^\\p{L}']+")) {
            if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !t.equals(t.toUpperCase())) {
                out.add(Names.bare(t));
            }
        }
        return out;
    }

    /**
     * A clause whose subject looks like a forename but fits no child on the roll ("Tom has a temperature" from a
     * family whose child is Oscar): perhaps the wrong family, or a child at another school. The reply goes to a person.
     */
    static boolean stranger(String clause, List<RollChild> roll, Set<String> capitalised, boolean otherLanguage) {
        String[] tokens = clause.split("[\\s,.!?;:()]+");
        for (int i = 0; i < tokens.length; i++) {
            String w = Names.bare(tokens[i]);
            if (w.length() < 2 || !w.chars().allMatch(Character::isLetter)) {
                continue;
            }
            boolean subjectStart = i == 0 || tokens[i - 1].equals("and") && i == 2 || tokens[i - 1].matches("(?:but|because|while|so|as)");
            if (!subjectStart) {
                continue;
            }
            String rest = String.join(" ", java.util.Arrays.copyOfRange(tokens, i + 1, tokens.length));
            boolean possessive = tokens[i].endsWith("'s") && rest.matches("^(?:got|been|off|poorly|sick|ill|not|in|on|at|had|a|the)\\b.*");
            if (!(SUBJECT_VERB.matcher(rest).matches() || possessive)) {
                continue;
            }
            if (Lexicon.isEnglishWord(w) || Names.match(i, w, roll).isPresent() || NOT_NAMES.contains(w)) {
                continue;
            }
            // a capitalised word, or any word the reader does not know, in a subject's place: a person looks
            if (capitalised.contains(w) || capitalised.isEmpty() || w.length() >= 3) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> NOT_NAMES = Set.of("he", "she", "they", "it", "we", "i", "you", "kids", "children", "both", "one",
            "everyone", "nobody", "baby", "dad", "mum", "nan", "grandad", "grandma", "brother", "sister", "son", "daughter", "twins", "boys",
            "girls", "eldest", "youngest", "car", "bus", "train", "school", "dog", "cat", "appointment", "who", "this", "that", "there",
            "which", "what", "temperature", "tummy", "ear", "eye", "head", "chest", "throat", "traffic", "rash", "cough", "cold", "hubby",
            "husband", "wife", "partner", "little", "our", "my", "his", "her", "their", "yes", "no", "ok", "sorry", "all", "none", "neither");
}
