package uk.openattendance.absence.domain.reply;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last word on whether a child's reading may be applied with no person. A wrong automatic reading takes a child
 * off the first-day safeguarding chain, so an outcome applies only when every piece of evidence is strong and nothing
 * the reader could not place might change its meaning. Each {@link Rule} names what it protects; a reading that breaks
 * any of them is still suggested, but a person confirms it. The rules look at the normalised text of the clauses about
 * the child (contractions already expanded: "isn't" is "is not").
 */
public final class ApplyGate {
    private ApplyGate() {}

    /** What a rule protects against. */
    public enum Rule {
        /** The clause could be about another child: bound by neither a name, nor a pronoun with one fit, nor the only absent child. */
        CHILD_NOT_BOUND_FOR_CERTAIN,
        /** Somewhere in the reply is a subject the reader could not resolve ("she" with two girls, a stranger's name). */
        UNRESOLVED_SUBJECT,
        /** The reason is the statistical model's guess alone. */
        MODEL_ONLY,
        /** The lexicon and the model name different reasons. */
        MODEL_DISAGREES,
        /** A negation the reader did not place ("is not ill", "no longer", "no temperature any more"). */
        NEGATION,
        /** A hedge or a condition ("if", "might", "maybe", "I think", "not sure"). */
        HEDGE,
        /** The illness or the lateness is said of another day ("was ill last week", "late on Friday"). */
        ANOTHER_DAY,
        /** Someone else is the one ill ("my mum is ill", "I am sick", "his brother has chickenpox"). */
        ANOTHER_PERSON,
        /** The child appears only as the object of someone else's clause ("I am taking her to..."). */
        CHILD_AS_OBJECT,
        /** A late arrival where the text does not say the child is coming in today, or says they are not. */
        LATE_NOT_CLEARLY_TODAY,
        /**
         * Words no training reply ever used, beside the words that gave the reason: the reader has never seen text like
         * this, so what it did not understand may change what it did ("pretending", "cousin's", "supposedly").
         */
        UNFAMILIAR_WORDS,
        /**
         * What is said about the child gives reasons that lead to different codes (a dentist and an abscess, a doctor's
         * visit and then school, a cremation and an afternoon in class): which one the office records is its call.
         */
        COMPETING_REASONS
    }

    /** More unfamiliar words than this in what is said about a child and the reading is only suggested. */
    static final int UNFAMILIAR_WORDS_TOLERATED = 2;

    /** What the reader knows about one child's reading besides its text. */
    public record Evidence(String text, boolean byName, boolean boundForCertain, boolean unresolvedSubjectInReply, boolean modelOnly, boolean modelAgrees,
            int unfamiliarWords, boolean competingReasons) {
        public Evidence(String text, boolean byName, boolean boundForCertain, boolean unresolvedSubjectInReply, boolean modelOnly, boolean modelAgrees) {
            this(text, byName, boundForCertain, unresolvedSubjectInReply, modelOnly, modelAgrees, 0, false);
        }

        public Evidence(String text, boolean byName, boolean boundForCertain, boolean unresolvedSubjectInReply, boolean modelOnly, boolean modelAgrees,
                int unfamiliarWords) {
            this(text, byName, boundForCertain, unresolvedSubjectInReply, modelOnly, modelAgrees, unfamiliarWords, false);
        }
    }

    // a negation about attendance or a plain "not well" does not change what the reason means ("not great", "not right" are
    // vaguer: whose, and how ill, a person asks)
    private static final Pattern PLACED_NEGATION = Pattern.compile(
            "(?:will not|cannot|can not|not|is not|are not|unable to|will not be able to)\\s+(?:be\\s+)?(?:coming|come|going|go|make it|able to come)?\\s*"
                    + "(?:in|into school|to school|at school|today|back|this morning)(?![\\w'])|"
                    + "(?:is |are |am |feeling |been )?not (?:very |feeling |been |too |at all )?(?:well|herself|himself|themselves)(?: enough)?(?![\\w'])|"
                    + "no (?:better|improvement)(?![\\w'])|sorry (?:for |about )?(?:not|no) \\w+");
    private static final Pattern NEGATION = Pattern.compile(
            "(?<![\\w'])(?:not|no|never|no longer|any ?more|none|nothing)(?![\\w'])");
    // "I will let you know if he is well enough tomorrow" is about tomorrow's news, not today's reason
    private static final Pattern LET_KNOW = Pattern.compile("(?:let (?:you|u) know|keep (?:you|u) (?:posted|updated))(?: (?:if|how|when|about|whether)\\b.*)?$");
    private static final Pattern HEDGE = Pattern.compile(
            "(?<![\\w'])(?:if|might|may|maybe|reckon|guess|perhaps|possibly|probably|think|thinks|thought|not sure|unsure|suspect|could be|see how|wait and see|waiting to see|whether)(?![\\w'])");
    private static final Pattern ANOTHER_DAY = Pattern.compile(
            "(?<![\\w'])(?<!since )(?:last (?:week|month|term|friday|thursday|wednesday|tuesday|weekend)|yesterday|the other day|"
                    + "(?<!(?:back|until|till|from|by|before|after|returning|on) )on (?:friday|saturday|sunday)|over the weekend|at the weekend)(?![\\w'])");
    // another day named beside a present tense or today keeps today's reason ("hurt his ankle yesterday, it is sprained")
    private static final Pattern TODAY_TOO = Pattern.compile(
            "(?<![\\w'])(?:today|this morning|still|now|(?:he|she|it|they) (?:is|are|has|have)|(?:is|are|has|have) (?:got )?(?:a |an |the )?(?:ill|sick|poorly|unwell|sprained|broken|swollen))(?![\\w'])");
    private static final Pattern RECOVERED = Pattern.compile(
            "(?<![\\w'])(?:is|are|am|seems|feeling|feels) (?:fine|better|ok|okay|well|recovered|back to normal)(?![\\w'])");
    private static final String FAMILY = "(?:mum|mam|mom|mother|dad|father|husband|wife|partner|hubby|ex|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|"
            + "grandmother|grandfather|grandparents|baby|brother|sister|cousin|uncle|aunt|auntie|step ?dad|step ?mum|boyfriend|girlfriend)";
    private static final Pattern ANOTHER_PERSON = Pattern.compile(
            "(?<![\\w'])(?:(?:my|his|her|their|our|the|\\w+'s) (?:other |little |older |younger |big )?" + FAMILY + "(?:'s)?|nana|nan|grandma|grandad|granny|the baby)\\s+(?:is|was|has|had|have|got|been|is being|has been|has got)(?![\\w'])|"
                    + "(?<![\\w'])(?:i am|i was|i have been|i have got|i have|i got|i feel|i am feeling|me and)\\s+(?:really |very |a bit |so |also )?"
                    + "(?:ill|sick|poorly|unwell|not well|a (?:\\w+ )?(?:bug|cold|migraine|virus|infection|temperature|fever)|the (?:\\w+ )?(?:bug|flu|virus|lurgy)|"
                    + "flu|covid|migraine|tonsillitis|sickness|vomiting|d and v)(?![\\w'])");
    private static final Pattern OBJECT_PRONOUN = Pattern.compile(
            "(?<![\\w'])(?:i|we|i am|we are|i will|we will|i have|we have|i have got to|i need to|i am going to|we are going to)\\s+(?:just\\s+)?"
                    + "(?:taking|take|bringing|bring|keeping|keep|collecting|collect|picking|pick)\\s+(?:him|her|them)(?![\\w'])");
    private static final Pattern SUBJECT_PRONOUN = Pattern.compile("(?<![\\w'])(?:he|she|they|both|all \\w+|\\w+ of them|the (?:boys|girls|kids|children|twins))(?![\\w'])");

    private static final Pattern COMING_TODAY = Pattern.compile(
            "(?<![\\w'])(?:on (?:our|his|her|their|my|the) way|be in (?:at|by|for|after|later|this)|in by|there by|be there|with you (?:by|at|in|soon)|"
                    + "(?:dropping|drop|bringing|bring) (?:him|her|them|\\w+) (?:in|off)|come in (?:this|later|at|after|for|by)|coming (?:in )?later|coming in|in later|there in \\d+|"
                    + "(?:is|are|all|both|will be|be) (?:\\w+ )?coming|will be in|be in|as soon as|stuck in traffic|in traffic|\\d+ (?:minutes|mins?)|(?:five|ten|fifteen|twenty) minutes|running l8|running late|minutes away|walking (?:him |her |them )?in|in for lunch|be (?:there|in) (?:for|around|about|before) \\w+|(?:we are|we will be|will be|he will be|she will be|they will be|a bit|bit|little bit|slightly) late|"
                    // lateness said of now, and a journey under way: "is late", "going in late", "leaving now", "on the next bus"
                    + "(?:is|are|am|going to be|going in|coming in|be|being|running|sorry|so) (?:a |very |really |a little |a bit )?late|late but (?:coming|on|in)|"
                    + "(?:coming|leaving|setting off|heading (?:in|over|there)|on (?:our|his|her|their|the|my)? ?way) now|on way|(?:the|a) next (?:one|bus|train)|"
                    + "on the next|another one is coming|sending another|as soon as possible|asap|shortly|there soon|in soon)(?![\\w'])");
    private static final Pattern NOT_COMING = Pattern.compile(
            "(?<![\\w'])(?:not coming|will not be in|not be in|cannot come|not make it|too \\w+ to come|not going in|not in today|off today|off sick|"
                    + "staying (?:home|off)|keeping (?:him|her|them) (?:off|home)|not be coming|not able to come)(?![\\w'])");

    /**
     * Whether the lexicon's words about a child point to a code other than the reading's: a late arrival beside an
     * appointment, a funeral, a festival or an illness (the morning may be M, C, R or I rather than L, and "Zosia's got the
     * runs, Filip's just late" may bind the lateness to the wrong child), or a named medical visit beside an illness (the
     * DfE codes an illness I even when a dentist is rung, an appointment M).
     */
    static boolean competing(Reason reading, java.util.Map<Reason, Integer> hits) {
        if (reading == Reason.LATE) {
            return hits.containsKey(Reason.MEDICAL) || hits.containsKey(Reason.GP) || hits.containsKey(Reason.BEREAVEMENT) || hits.containsKey(Reason.RELIGIOUS)
                    || hits.containsKey(Reason.ILLNESS);
        }
        if (reading == Reason.MEDICAL || reading == Reason.APPOINTMENT) {
            return hits.containsKey(Reason.ILLNESS);
        }
        if (reading == Reason.ILLNESS) {
            return hits.containsKey(Reason.MEDICAL);
        }
        return false;
    }

    /** The rules a coded reading breaks; empty when it may be applied. */
    public static Set<Rule> codedBreaks(Evidence e) {
        Set<Rule> out = common(e);
        String text = readable(e.text());
        if (NEGATION.matcher(PLACED_NEGATION.matcher(text).replaceAll(" ")).find()) {
            out.add(Rule.NEGATION);
        }
        if (ANOTHER_PERSON.matcher(text).find()) {
            out.add(Rule.ANOTHER_PERSON);
        }
        if (!e.boundForCertain()) {
            out.add(Rule.CHILD_NOT_BOUND_FOR_CERTAIN);
        }
        if (!e.byName() && OBJECT_PRONOUN.matcher(text).find() && !SUBJECT_PRONOUN.matcher(text).find()) {
            // bound by a pronoun that is only the object of the parent's clause: who the clause is about is not read
            out.add(Rule.CHILD_AS_OBJECT);
        }
        return out;
    }

    /** The rules a late arrival breaks: it applies only when the text says the child is coming in today. */
    public static Set<Rule> lateBreaks(Evidence e) {
        Set<Rule> out = common(e);
        String text = readable(e.text());
        if (!COMING_TODAY.matcher(text).find() || NOT_COMING.matcher(text).find()) {
            out.add(Rule.LATE_NOT_CLEARLY_TODAY);
        }
        if (!e.boundForCertain()) {
            out.add(Rule.CHILD_NOT_BOUND_FOR_CERTAIN);
        }
        return out;
    }

    private static Set<Rule> common(Evidence e) {
        Set<Rule> out = EnumSet.noneOf(Rule.class);
        String text = readable(e.text());
        if (e.unresolvedSubjectInReply()) {
            out.add(Rule.UNRESOLVED_SUBJECT);
        }
        if (e.modelOnly()) {
            out.add(Rule.MODEL_ONLY);
        } else if (!e.modelAgrees()) {
            out.add(Rule.MODEL_DISAGREES);
        }
        if (HEDGE.matcher(text).find()) {
            out.add(Rule.HEDGE);
        }
        if (e.competingReasons()) {
            out.add(Rule.COMPETING_REASONS);
        }
        if (e.unfamiliarWords() > UNFAMILIAR_WORDS_TOLERATED) {
            out.add(Rule.UNFAMILIAR_WORDS);
        }
        if (ANOTHER_DAY.matcher(text).find() && (!TODAY_TOO.matcher(text).find() || RECOVERED.matcher(text).find())) {
            out.add(Rule.ANOTHER_DAY);
        }
        return out;
    }

    private static String readable(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.toLowerCase(java.util.Locale.ROOT).split("(?<=[.;!?])\\s+|;\\s*")) {
            out.append(LET_KNOW.matcher(part.strip()).replaceAll("")).append(". ");
        }
        return out.toString();
    }
}
