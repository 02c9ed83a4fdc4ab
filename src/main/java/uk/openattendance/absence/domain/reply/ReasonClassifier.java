package uk.openattendance.absence.domain.reply;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fifth layer: the reason one clause gives. The lexicon's stems decide where they are found, in an order that puts
 * a person first (safeguarding words always win; a family saying the child is in school beats any reason); the
 * statistical model confirms them, lowers the confidence when it strongly disagrees, and offers a guess, never applied
 * alone, where the lexicon finds nothing.
 */
public final class ReasonClassifier {
    private ReasonClassifier() {}

    /** A clause's reason, the confidence in it, and for an appointment whether its kind was said. */
    public record Classification(Reason reason, double confidence, boolean guessed, boolean modelAgrees) {
        public Classification(Reason reason, double confidence) {
            this(reason, confidence, false, true);
        }

        public Classification(Reason reason, double confidence, boolean guessed) {
            this(reason, confidence, guessed, !guessed);
        }
    }

    private static final Pattern NEGATED_IN_SCHOOL = Pattern.compile(
            "(?:not|no|never|cannot|will not|won't|unable to|off|instead of|rather than|back)\\s+(?:\\w+\\s+){0,3}(?:in|at|to)\\s+school|"
                    + "(?:not|never|cannot)\\s+(?:\\w+\\s+){0,2}(?:in class|there)");
    private static final Pattern PARENT_INVALID = Pattern.compile(
            "(?<![\\w'])(?:threadworm\\w*|(?:hair|hairdresser\\w*|barber\\w*|nail|nails|beauty|lash\\w*|tanning|vet|vets|car|mot|bank|council|housing|passport|driving)(?:'s)? (?:appointment|appt)|(?:appointment|appt) (?:at|with) the (?:hairdresser\\w*|barber\\w*|vet\\w*|bank|council|salon)|hairdresser\\w*|barber\\w*|i am (?:ill|sick|poorly|unwell|not well|not feeling well)|i have (?:a|the) (?:bug|cold|flu|virus|migraine|covid|sickness)|"
                    + "i have been (?:sick|ill|poorly)|(?:mum|dad|i) (?:is|am|has been) (?:ill|sick|poorly|in hospital)|my (?:own )?appointment|"
                    + "i have (?:an|a) (?:\\w+ )?appointment|no childcare|childcare|uniform|no clean|birthday|shopping|haircut|day out|"
                    + "no one to (?:take|bring)|nobody to (?:take|bring)|no lift|no transport|no car|cannot (?:take|bring|get) (?:him|her|them)|"
                    + "babysit\\w*|lie in|wedding|party|nits|head lice|lice|passport|visa|home office|embassy|immigration|"
                    + "(?:dog|cat|hamster|rabbit|pet|puppy|kitten|guinea pig|fish|budgie|tortoise)(?: \\w+)? (?:died|passed away|has died|was put down)|"
                    + "school refusal|refus\\w+|will not get in the car|cannot face|nobody to have|no one to have|no-one to have|"
                    + "(?:cannot|can't|no way of|no way to) (?:get|getting|take|taking|bring|bringing) (?:him|her|them|\\w+) (?:in|to school|down|there)|"
                    + "too far to walk|stuck (?:here|at home) with)(?![\\w'])");
    private static final Pattern PET = Pattern.compile(
            "(?<![\\w'])(?:dog|cat|hamster|rabbit|pet|puppy|kitten|guinea pig|fish|budgie|tortoise|horse|pony)(?: \\w+)? (?:died|passed away|has died|was put down|had to be put down)(?![\\w'])");
    private static final Pattern NEGATED_ILLNESS = Pattern.compile(
            "(?<![\\w'])(?:not|never|is not|are not|was not)\\s+(?:really\\s+|actually\\s+)?(?:ill|sick|poorly|unwell)(?![\\w'])");
    private static final Pattern TRANSPORT = Pattern.compile(
            "(?<![\\w'])(?:car|cars|bus|buses|train|trains|tyre|puncture|broken down|broke down|traffic|roads?|ice|icy|snow|flood\\w*|lift|taxi|petrol|fuel)(?![\\w'])");
    private static final Pattern NOT_COMING = Pattern.compile(
            "(?<![\\w'])(?:will not be in|won't be in|not be in|not coming in|not coming|cannot come|not going in|cannot get (?:him|her|them) in)(?![\\w'])");
    private static final Pattern STRONG_LATE = Pattern.compile(
            "(?<![\\w'])(?:running late|on (?:our|his|her|their|my|the) way|be in by|be there by|there by|be in at|in by|with you by|in at \\d|"
                    + "in later|coming in later|late|there in \\d+|\\d+ mins?|\\d+ minutes|ten minutes|five minutes|missed the bus|"
                    + "bring (?:him|her|them|\\w+) in|bringing (?:him|her|them|\\w+) in|drop (?:him|her|them) (?:in|off) (?:at|by|later)|"
                    + "be in (?:after|at|by|for|later|this afternoon)|in after lunch|this afternoon|after lunch|come in later|later this morning)(?![\\w'])");

    public static Classification classify(String clause) {
        return classify(clause, ReasonModel.trained());
    }

    /** How often a reason the lexicon finds is the office's reason, before the model has its say. */
    static final double LEXICON_CONFIDENCE = 0.9;

    static Classification classify(String clause, ReasonModel model) {
        Map<Reason, Integer> hits = Lexicon.hits(clause);
        ReasonModel.Guess guess = model.guess(clause);
        Reason lexical = decide(clause, hits);
        if (lexical == Reason.NONE) {
            // nothing the lexicon knows: the model's guess, below any school's confidence to apply
            // a hunch of risk or of "in school" with none of their words is no reading: the lexicon alone raises those flags
            if (guess.reason() != Reason.NONE && guess.reason() != Reason.SAFEGUARDING && guess.reason() != Reason.IN_SCHOOL && guess.probability() >= 0.6) {
                return new Classification(guess.reason(), Math.min(0.6, guess.probability()), true, false);
            }
            return new Classification(Reason.NONE, 0.0);
        }
        // the lexicon's word alone is right about nine times in ten; the model's reading of the clause moves that either way
        double confidence = model.combine(LEXICON_CONFIDENCE, lexical, clause);
        if (lexical == Reason.GP) {
            // "at the doctors" alone: an appointment of some kind, or an illness; suggested, not applied
            confidence = 0.7;
        }
        if (lexical == Reason.SAFEGUARDING || lexical == Reason.IN_SCHOOL) {
            confidence = 1.0;
        }
        return new Classification(lexical, confidence, false, agrees(lexical, guess));
    }

    /**
     * Whether the model's guess agrees with a reason the lexicon found: it does unless it names another reason with some
     * conviction (a GP visit it reads as illness, or the reverse, is the same family); a model that knows too few of the
     * words to say does not contradict it.
     */
    static boolean agrees(Reason lexical, ReasonModel.Guess guess) {
        // the model's doubt is already in the confidence (ReasonModel.combine); only a near-certain contradiction stops a reading here
        return guess.reason() == lexical || guess.reason() == Reason.NONE || guess.probability() < 0.9
                || lexical == Reason.SAFEGUARDING || lexical == Reason.IN_SCHOOL
                || lexical == Reason.GP && guess.reason() == Reason.ILLNESS || lexical == Reason.ILLNESS && guess.reason() == Reason.GP;
    }

    static Reason decide(String clause, Map<Reason, Integer> hits) {
        if (hits.containsKey(Reason.SAFEGUARDING)) {
            return Reason.SAFEGUARDING;
        }
        if (hits.containsKey(Reason.IN_SCHOOL) && !NEGATED_IN_SCHOOL.matcher(clause).find()) {
            return Reason.IN_SCHOOL;
        }
        if (PET.matcher(clause).find()) {
            return Reason.INVALID;
        }
        if (hits.containsKey(Reason.BEREAVEMENT)) {
            return Reason.BEREAVEMENT;
        }
        if (hits.containsKey(Reason.RELIGIOUS) && Lexicon.FESTIVAL.matcher(clause).find()) {
            return Reason.RELIGIOUS;
        }
        if (hits.containsKey(Reason.HOLIDAY)) {
            return Reason.HOLIDAY;
        }
        if (PARENT_INVALID.matcher(clause).find()) {
            return Reason.INVALID;
        }
        if (hits.containsKey(Reason.MEDICAL)) {
            return Reason.MEDICAL;
        }
        boolean appointment = Lexicon.UNSPECIFIED_APPOINTMENT.matcher(clause).find();
        if (appointment) {
            return hits.containsKey(Reason.GP) || hits.containsKey(Reason.ILLNESS) ? Reason.MEDICAL : Reason.APPOINTMENT;
        }
        if (TRANSPORT.matcher(clause).find() && NOT_COMING.matcher(clause).find() && !hits.containsKey(Reason.ILLNESS)) {
            // a late-arrival cause with the child not coming at all: transport is not an authorised reason
            return Reason.INVALID;
        }
        if (hits.containsKey(Reason.ILLNESS) && NEGATED_ILLNESS.matcher(clause).find() && hits.get(Reason.ILLNESS) == 1) {
            // "he's not ill, he just doesn't want to go": the illness word is denied
            return hits.containsKey(Reason.INVALID) ? Reason.INVALID : Reason.NONE;
        }
        if (hits.containsKey(Reason.ILLNESS)) {
            return STRONG_LATE.matcher(clause).find() ? Reason.LATE : Reason.ILLNESS;
        }
        if (hits.containsKey(Reason.GP)) {
            return Reason.GP;
        }
        if (hits.containsKey(Reason.LATE)) {
            return Reason.LATE;
        }
        if (hits.containsKey(Reason.INVALID)) {
            return Reason.INVALID;
        }
        return Reason.NONE;
    }
}
