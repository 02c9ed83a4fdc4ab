package uk.openattendance.school.domain;

import static uk.openattendance.school.domain.ContactRouting.ALL_WITH_PARENTAL_RESPONSIBILITY;
import static uk.openattendance.school.domain.ContactRouting.PRIORITY_ONE;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The five reference policies in shared/seeds as presets. Each value cites the policy text; values the text leaves
 * open are listed in the preset's interpretations. This file is data: one method per policy, no behaviour.
 */
public final class PolicyPresets {
    public static final String SECONDARY_ACADEMY_DORSET = "secondary-academy-dorset";
    public static final String CHURCH_TRUST_TRAFFIC_LIGHT = "church-trust-traffic-light";
    public static final String PRIMARY_GLOUCESTERSHIRE = "primary-gloucestershire";
    public static final String PRIMARY_PORTSMOUTH = "primary-portsmouth";
    public static final String LOWER_SCHOOL_BEDFORDSHIRE = "lower-school-bedfordshire";

    private PolicyPresets() {}

    public static List<PolicyPreset> all() {
        return List.of(secondaryAcademyDorset(), churchTrustTrafficLight(), primaryGloucestershire(), primaryPortsmouth(), lowerSchoolBedfordshire());
    }

    public static Optional<PolicyPreset> byKey(String key) {
        return all().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** seeds/000: registers 8:45-9:05 and 13:25-13:35, U after close; chain 8:45 / 10:30 / 11:00 / 11:30; 95% and 90% letters. */
    static PolicyPreset secondaryAcademyDorset() {
        // "Registers start at 8.45am and close at 9.05am for morning sessions and 1.25pm and close at 1.35pm for
        // afternoon sessions. [...] If a pupil arrives after registers open but before they close, they will be marked
        // as 'late arrival before registers close' (L) If a pupil arrives after registers close, they will be marked as
        // 'unauthorised absence' (U)": late after 8:45, U after 9:05 (so 9:05 itself is L); the same at 13:25 / 13:35.
        var timings = new RegisterGroupTimings("Whole school",
                SessionTiming.of("08:45", "08:45", "09:05", "09:05"),
                SessionTiming.of("13:15", "13:25", "13:35", "13:35"));
        var settings = new PolicySettings(
                new FirstDayChain(t("08:45"), t("09:15"), t("10:30"), t("11:00"), t("11:30"), true, PRIORITY_ONE, 10),
                new LatenessNotices(false, PRIORITY_ONE),
                new LetterRules(null, List.of(
                        new LetterLevel("BELOW_95", "Attendance below 95%", pct("95"), false, false),
                        new LetterLevel("BELOW_90", "Attendance below 90%: a significant concern", pct("90"), false, true)),
                        2, null, null, null, null),
                new PraiseRules(false, null, false, true, null, PRIORITY_ONE),
                new LeaveRules(null, false, false, false, null, null, null, null, true),
                new MarkRules(5, false),
                MessagingRules.standard(),
                // the policy sets no day on which evidence of illness is asked for; it has the attendance officer ensure
                // "there are no N codes beyond 5 days of the absence", so a parent's word covers at most a school week
                new ReplyRules(5, ReplyRules.STANDARD_CONFIDENCE));
        return new PolicyPreset(SECONDARY_ACADEMY_DORSET, "Secondary academy (Dorset multi-academy trust)", "seeds/000", List.of(timings), settings, List.of(
                "Afternoon register opens 13:15, not 13:25: the policy's 10-minute afternoon register (13:25-13:35) beside a 20-minute morning one (8:45-9:05) breaks the same-length rule; opening earlier keeps every pupil's mark as the policy gives it (late after 13:25, U after 13:35).",
                "First text at 09:15: the policy says parents are texted but gives no time; 10 minutes after the morning register closes.",
                "Letters (issue 13): 'may be used again where a child's attendance sits at this level. This letter may be used twice in succession but if "
                        + "attendance remains at this level for a third time, it will be treated as for attendance which is below 90%' is read as: at each "
                        + "letter run (weekly) where year-to-date attendance is 90-95%, the standard letter is due, whether the pupil has just fallen there or "
                        + "is still there; the first two in succession are the standard letter, the third is the below-90% letter with its meeting. Another "
                        + "level's letter breaks the succession; climbing back to 95% between runs does not. Once treated as below 90%, no further ladder "
                        + "letter until back at 95% or above ('continues to decline' calls for meetings, not letters). A re-run of the same date is not a further run.",
                "Praise: termly celebrations of good attendance; no weekly text is named.",
                "Text replies: a parent's word covers up to 5 school days of illness: the policy names no evidence day, only 'no N codes beyond 5 days'."));
    }

    /** seeds/001: L after close, U 15 minutes after close, reports by 9:00, safe by 10:00, traffic light over 6 weeks. */
    static PolicyPreset churchTrustTrafficLight() {
        // "If a child arrives in school after the register start time, but before the register has closed they are
        // present. Any child who arrives in school after the official register closing time, is marked as late (L code).
        // [...] If a pupil arrives 15 minutes after the register has closed, with no acceptable reason [...] they will be
        // marked as a 'U'": present to close (8:50), L after it, U after close + 15 (9:05).
        var timings = new RegisterGroupTimings("Whole school",
                SessionTiming.of("08:40", "08:50", "08:50", "09:05"),
                SessionTiming.of("13:00", "13:10", "13:10", "13:25"));
        var settings = new PolicySettings(
                new FirstDayChain(t("09:00"), t("09:10"), t("09:30"), t("09:45"), t("10:00"), true, PRIORITY_ONE, 10),
                new LatenessNotices(false, PRIORITY_ONE),
                new LetterRules(6, List.of(
                        new LetterLevel("YELLOW", "Yellow: 94-95%", pct("96"), false, false),
                        new LetterLevel("AMBER", "Amber: 91-93%", pct("94"), false, false),
                        new LetterLevel("RED", "Red: 90% or under", pct("90"), true, true)),
                        null, null, null, null, null),
                new PraiseRules(true, null, false, true, null, PRIORITY_ONE),
                new LeaveRules(null, false, false, false, null, null, null, null, true),
                new MarkRules(5, false),
                MessagingRules.standard(),
                // "An absence of more than 5 days may require the parent/carer to provide further medical evidence."
                new ReplyRules(5, ReplyRules.STANDARD_CONFIDENCE));
        return new PolicyPreset(CHURCH_TRUST_TRAFFIC_LIGHT, "Church schools trust (traffic-light letters)", "seeds/001", List.of(timings), settings, List.of(
                "Register times: the policy says 'timings may vary for each school'; 8:40-8:50 and 13:00-13:10 are placeholders each school sets.",
                "L after register close and U after 15 minutes after it, as the policy states; 'arrives 15 minutes after the register has closed' is read like every other policy's 'after', so 9:05 exactly is still L and 9:05 and a second is U.",
                "Phone at 09:30 and escalate at 09:45: the policy requires contact by 9:00 and safety by 10:00 without intermediate times.",
                "Traffic light over a 6-week window: green 96%+, yellow 94-95%, amber 91-93%, red 90% or under; read as below 96, below 94, at or below 90.",
                "Letters (issue 13): the policy says nothing of repeating a colour's letter; a letter goes when the rolling 6 weeks move into a deeper "
                        + "colour than at the last run, not again while they stay, and again after improving to a lighter colour and falling back. The "
                        + "'optional' yellow letter is on (remove the level to switch it off). Red's meeting invitation 'if this continues a pattern of low "
                        + "attendance from the previous year or term' is always offered; whether the pattern holds is the office's judgement on the draft.",
                "Weekly praise stands in for the policy's weekly best-class prizes.",
                "Text replies: up to 5 school days self-certified ('an absence of more than 5 days may require ... further medical evidence')."));
    }

    /** seeds/002: on site 8:50 and 13:10, registers close 9:00 and 13:20, U after close; SATs and first-term leave rules. */
    static PolicyPreset primaryGloucestershire() {
        // "children are on the school premises by 8.50 am and again at 13.10 pm. The morning register closes at 9.00 am
        // so pupils arriving between 8.50 and 9.00 am will be marked with an L [...] pupils arriving after the register
        // has closed will be registered with a U"; "registers close at 9.00 am and 1.20 pm": late after 8:50 (13:10),
        // U after 9:00 (13:20).
        var timings = new RegisterGroupTimings("Whole school",
                SessionTiming.of("08:50", "08:50", "09:00", "09:00"),
                SessionTiming.of("13:10", "13:10", "13:20", "13:20"));
        var settings = new PolicySettings(
                new FirstDayChain(t("09:00"), t("09:15"), t("10:00"), t("11:00"), t("12:00"), true, PRIORITY_ONE, 10),
                new LatenessNotices(false, PRIORITY_ONE),
                new LetterRules(null, List.of(
                        new LetterLevel("BELOW_95", "Attendance below 95%", pct("95"), false, false),
                        new LetterLevel("BELOW_90", "Attendance below 90%: Attendance Improvement Meeting", pct("90"), false, true)),
                        null, null, null, null, null),
                new PraiseRules(false, null, false, false, null, PRIORITY_ONE),
                new LeaveRules(14, true, true, true, null, null, 1, 3, true),
                new MarkRules(5, false),
                MessagingRules.standard(),
                // the policy asks for evidence only of appointments ("we may ask to see evidence of any appointments
                // made during school time"); for illness it is silent, so the standard school week is assumed
                new ReplyRules(5, ReplyRules.STANDARD_CONFIDENCE));
        return new PolicyPreset(PRIMARY_GLOUCESTERSHIRE, "Primary school (Gloucestershire)", "seeds/002", List.of(timings), settings, List.of(
                "Report by 09:00 and first text at 09:15: the policy runs 'first day response, usually through a text message' on the first morning.",
                "Phone 10:00, escalate 11:00, safe by 12:00: not stated; the first morning is the policy's horizon.",
                "Two weeks' notice for leave: the policy's leave request form asks for advance requests; 14 days assumed.",
                "Letters (issue 13): 'If attendance of any child at school goes below 95% a letter home' and 'goes below 90%' (with the Attendance "
                        + "Improvement Meeting) are read as one letter each time year-to-date attendance goes into a deeper level, not again while it stays; "
                        + "improving and falling back is a new letter. The review 'within 6 weeks' after the meeting is the office's, not a letter.",
                "Text replies: up to 5 school days self-certified; the policy asks for evidence of appointments only."));
    }

    /** seeds/003: registers 8:45-9:00, U after 9:15, lateness text to priority 1, medical letters after 8 and 12 sessions. */
    static PolicyPreset primaryPortsmouth() {
        // "Registers open at 8:45am and close at 9:00am."; "If you arrive for school after 9am, [...] you will be asked to
        // provide a reason for being late"; "children arriving after 9:15am will be marked as an unauthorised absence";
        // "children arriving after 9am are notified by text that their child was late": present to 9:00, L after it, U
        // after 9:15 (9:15 itself is L). The afternoon follows the same pattern (the policy gives no afternoon times).
        var timings = new RegisterGroupTimings("Whole school",
                SessionTiming.of("08:45", "09:00", "09:00", "09:15"),
                SessionTiming.of("13:00", "13:15", "13:15", "13:30"));
        var settings = new PolicySettings(
                new FirstDayChain(t("09:00"), t("09:15"), t("09:45"), t("11:00"), t("12:00"), true, PRIORITY_ONE, 10),
                new LatenessNotices(true, PRIORITY_ONE),
                new LetterRules(null, List.of(
                        new LetterLevel("BELOW_95", "Attendance below 95%", pct("95"), false, false),
                        new LetterLevel("BELOW_90", "Attendance below 90%", pct("90"), false, true)),
                        null, 8, 12, 5, 3),
                new PraiseRules(false, null, false, true, null, PRIORITY_ONE),
                new LeaveRules(null, false, false, false, null, null, null, null, true),
                new MarkRules(5, false),
                MessagingRules.standard(),
                // "If a child is reported absent from school for illness on five consecutive days or more, on the fifth
                // day the school will ask for evidence": four days are the parent's word alone
                new ReplyRules(4, ReplyRules.STANDARD_CONFIDENCE));
        return new PolicyPreset(PRIMARY_PORTSMOUTH, "Primary school (Portsmouth)", "seeds/003", List.of(timings), settings, List.of(
                "Afternoon register 13:00-13:15 with U from 13:30: the policy gives only morning times; the same pattern is assumed.",
                "Arrivals during the register (8:45-9:00) are present: the register is open until 9:00 and lateness is for 'after 9am'. Arrivals after 9:00 up to 9:15 are L; U only after 9:15 ('children arriving after 9:15am'), so 9:15 exactly is L.",
                "Punctuality letter after more than 3 unauthorised lates; medical letters after 8 illness sessions in a term and 12 in a year; evidence on the 5th day.",
                "Letters (issue 13): the termly 'red/amber and green letters' are read as the 95%/90% ladder, one letter each time year-to-date attendance "
                        + "goes into a deeper level; the policy says nothing of repeating them. Medical 1 (8 sessions of illness in a term) once a term and "
                        + "Medical 2 (12 in the school year) once a year are separate steps: Medical 2 follows Medical 1, it does not replace it. The 5th-day "
                        + "request is made for every run of illness reaching a 5th school day; only a medical letter of the same run (or an exception the "
                        + "office recorded) stands in for it. 'More than 3 unauthorised lates' counts U marks in the term to the run's date, once a term.",
                "Text replies: 4 school days self-certified, since evidence is asked for on the 5th day of illness."));
    }

    /** seeds/004: late after 8:45 (Nursery 9:00), close 9:15; afternoon registers 12:00 / 12:45 / 13:30 by group; 93% letter; half-termly praise texts. */
    static PolicyPreset lowerSchoolBedfordshire() {
        // "The morning register will be marked by 8.45am for YR-Y4 and by 9.00am for Nursery. Pupils will receive a late
        // mark if they are not in their classroom by this time"; "The morning register will close at 9.15am."; "The
        // afternoon register will be marked by 12pm for Nursery, 12.45pm for Reception and Key Stage One, and 1.30pm for
        // Key Stage Two."; "L = Late arrival before the register has closed", "U = Arrived after registration closed":
        // late after the marking time, U after close (9:15 itself is L; see the interpretations).
        var nursery = new RegisterGroupTimings("Nursery",
                SessionTiming.of("08:45", "09:00", "09:15", "09:15"),
                SessionTiming.of("12:00", "12:00", "12:30", "12:30"));
        var ks1 = new RegisterGroupTimings("Reception and KS1",
                SessionTiming.of("08:45", "08:45", "09:15", "09:15"),
                SessionTiming.of("12:45", "12:45", "13:15", "13:15"));
        var ks2 = new RegisterGroupTimings("KS2",
                SessionTiming.of("08:45", "08:45", "09:15", "09:15"),
                SessionTiming.of("13:30", "13:30", "14:00", "14:00"));
        var settings = new PolicySettings(
                new FirstDayChain(t("08:45"), t("09:15"), t("09:15"), t("12:00"), t("12:00"), true, PRIORITY_ONE, 10),
                new LatenessNotices(false, PRIORITY_ONE),
                new LetterRules(null, List.of(
                        new LetterLevel("AT_93", "Attendance at or below 93%", pct("93"), true, false),
                        new LetterLevel("BELOW_90", "Attendance below 90%: attendance review meeting", pct("90"), false, true)),
                        null, null, null, null, null),
                new PraiseRules(false, pct("98"), true, false, null, PRIORITY_ONE),
                new LeaveRules(14, false, true, true, pct("10"), 5, 1, 3, true),
                new MarkRules(5, false),
                MessagingRules.standard(),
                // "The school will not usually request medical evidence in most circumstances where a pupil is absent due
                // to illness; however, the school reserves the right to request supporting evidence where there is a
                // concern": no fixed day, so the standard school week is kept and a longer stated absence reaches a person
                new ReplyRules(5, ReplyRules.STANDARD_CONFIDENCE));
        return new PolicyPreset(LOWER_SCHOOL_BEDFORDSHIRE, "Lower school (Bedfordshire)", "seeds/004", List.of(nursery, ks1, ks2), settings, List.of(
                "Afternoon registers close 30 minutes after they are marked (12:30, 13:15, 14:00): the policy gives only the marking times; 30 minutes matches the morning (8:45-9:15).",
                "Nursery's morning register opens with the others at 8:45 but its pupils are late only after 9:00, as the policy says.",
                "U after 9:15, not at it: the policy says both 'a mark of unauthorised absence if they do not attend school before this time [9.15am]' and 'U = Arrived after registration closed'; the code list's words (the DfE's definition) are kept, so 9:15 exactly is L.",
                "Leave: more than 5 days needs a meeting with the headteacher (issue #5 wording); religious observance one day per festival, three a year.",
                "Letters (issue 13): 'If a pupil's attendance falls to 93%, ... a letter' and 'falls below 90% at any point, the parent is invited to an "
                        + "attendance review meeting' are read as one letter each time year-to-date attendance falls into a deeper level (93% itself counts), not "
                        + "again while it stays; back above 93% and down again is a new letter. The later formal review meeting is the office's, not a letter.",
                "Text replies: up to 5 school days self-certified; the policy does not usually ask for evidence of illness, so a longer stated absence goes to the office."));
    }

    private static LocalTime t(String time) {
        return LocalTime.parse(time);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
