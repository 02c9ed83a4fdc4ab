package uk.openattendance.letters.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.register.domain.Tally;
import uk.openattendance.school.domain.LetterRules;
import uk.openattendance.school.domain.Session;
import uk.openattendance.statutory.domain.PenaltyNoticeWindow;

/**
 * A half term of scripted marks (seven weeks from Monday 2 November 2026, registers every weekday, a letter run each
 * Friday) and the standard patterns schools meet, judged by the real letter rules with no database: what each pupil's
 * snapshot holds each Friday is worked out here from the marks, as the letter run's queries would. No terms are set, so
 * "the term" is the school year (from 1 September), as for a school created fresh. Used by the scripted-term tests and,
 * for its patterns and expected letters, by the scripted-term IT.
 */
public final class ScriptedTerm {
    public static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 2);
    public static final LocalDate YEAR_START = LocalDate.of(2026, 9, 1);
    public static final int WEEKS = 7;

    private ScriptedTerm() {}

    /** A pupil's marks: codes by "week,day,session" (week and day from 0); anything not listed is present (/). */
    public record Pattern(String name, Map<String, String> codes) {
        public String code(int week, int day, Session session) {
            return codes.getOrDefault(week + "," + day + "," + session, "/");
        }
    }

    public static List<Pattern> patterns() {
        return List.of(
                new Pattern("Always present", Map.of()),
                new Pattern("93% steady", sessions("M", "0,0,AM", "1,0,AM", "3,0,AM", "5,0,AM")),
                new Pattern("93% then 88%", sessions("M", "0,0,AM", "1,0,AM", "3,0,AM", "3,0,PM", "3,1,AM", "4,0,AM", "5,0,AM", "6,0,AM")),
                new Pattern("Illness 5 sessions", sessions("I", "1,0,AM", "1,0,PM", "1,1,AM", "1,1,PM", "1,2,AM")),
                new Pattern("Illness 8 sessions", days("I", 1, 0, 4)),
                new Pattern("Illness 12 sessions", merge(days("I", 1, 0, 5), days("I", 2, 0, 1))),
                new Pattern("Illness 8, then 4 more", merge(days("I", 1, 0, 4), days("I", 4, 0, 2))),
                new Pattern("Illness 12, then 5 days again", merge(days("I", 0, 0, 5), days("I", 1, 0, 1), days("I", 5, 0, 5))),
                new Pattern("4 unauthorised lates", sessions("U", "0,1,AM", "1,1,AM", "2,1,AM", "3,1,AM")),
                new Pattern("10 unauthorised sessions", days("O", 2, 0, 5)));
    }

    /** One row of the week-by-week table: the letters a pattern's pupil got at each Friday's run. */
    public record Letters(String pattern, List<List<String>> byWeek) {
        public String line() {
            List<String> weeks = new ArrayList<>();
            for (int w = 0; w < byWeek.size(); w++) {
                weeks.add("w" + (w + 1) + " " + (byWeek.get(w).isEmpty() ? "-" : String.join(" + ", byWeek.get(w))));
            }
            return pattern + ": " + String.join(" | ", weeks);
        }
    }

    /** Each pattern's letters, week by week, under a school's letter rules. A kept-back letter reads KIND(suppressed). */
    public static List<Letters> run(LetterRules rules) {
        List<Letters> out = new ArrayList<>();
        List<LetterTrigger> triggers = LetterTriggers.of(rules);
        long id = 1;
        for (Pattern p : patterns()) {
            LadderMemory ladder = LadderMemory.start();
            List<LetterSent> sent = new ArrayList<>();
            List<List<String>> byWeek = new ArrayList<>();
            for (int week = 0; week < WEEKS; week++) {
                LocalDate friday = FIRST_MONDAY.plusWeeks(week).plusDays(4);
                PupilAttendanceSnapshot s = snapshot(id, p, rules, friday, ladder, sent);
                LetterTriggers.PupilLetters letters = LetterTriggers.decide(triggers, s);
                List<String> thisWeek = new ArrayList<>();
                for (LetterTriggers.Decision d : letters.letters()) {
                    thisWeek.add(label(d.letter().templateKind(), d.letter().triggerKey(), d.drafted()));
                    sent.add(new LetterSent(d.letter().templateKind(), d.letter().triggerKey(), friday, d.drafted() ? "DRAFT" : "SUPPRESSED"));
                }
                LadderMemory before = ladder;
                ladder = letters.ladder().filter(next -> !next.equals(before.state())).map(next -> before.after(friday, next)).orElse(ladder);
                byWeek.add(thisWeek);
            }
            out.add(new Letters(p.name(), byWeek));
            id++;
        }
        return out;
    }

    /** How a letter reads in the table: its kind, which medical rule for a medical letter, and (suppressed) when kept back. */
    public static String label(String templateKind, String triggerKey, boolean drafted) {
        String rule = switch (triggerKey.substring(0, triggerKey.indexOf(':'))) {
            case "MEDICAL_TERM" -> "[term]";
            case "MEDICAL_YEAR" -> "[year]";
            case "ILLNESS_RUN" -> "[5th day]";
            default -> "";
        };
        return templateKind + rule + (drafted ? "" : "(suppressed)");
    }

    /** What the letter run would load for this pupil as of a Friday. */
    static PupilAttendanceSnapshot snapshot(long id, Pattern p, LetterRules rules, LocalDate asOf, LadderMemory ladder, List<LetterSent> sent) {
        LocalDate ladderFrom = rules.windowWeeks() == null ? YEAR_START
                : asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(rules.windowWeeks() - 1L);
        List<LocalDate> illness = new ArrayList<>();
        List<PenaltyNoticeWindow.Week> weeks = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            int penalty = 0;
            for (int day = 0; day < 5; day++) {
                LocalDate d = FIRST_MONDAY.plusWeeks(week).plusDays(day);
                for (Session s : Session.values()) {
                    String code = p.code(week, day, s);
                    if (!d.isAfter(asOf) && code.equals("I")) {
                        illness.add(d);
                    }
                    penalty += !d.isAfter(asOf) && CodeCatalogue.on(code, d).orElseThrow().penaltyNoticeCount() ? 1 : 0;
                }
            }
            if (!FIRST_MONDAY.plusWeeks(week).isAfter(asOf)) {
                weeks.add(new PenaltyNoticeWindow.Week(FIRST_MONDAY.plusWeeks(week), 10, penalty));
            }
        }
        var b = PupilAttendanceSnapshot.of(id, asOf).ladder(rules.levels(), ladderFrom, figures(p, ladderFrom, asOf))
                .term("year", YEAR_START, asOf, figures(p, YEAR_START, asOf))
                .illness(illness, YEAR_START, schoolDays(YEAR_START, asOf)).ladderMemory(ladder).sent(sent);
        var window = PenaltyNoticeWindow.over(weeks, asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        if (window.reachesThreshold()) {
            b.penaltyWindow(window.unauthorisedSessions(), window.windowFrom(), asOf);
        }
        return b.build();
    }

    static Figures figures(Pattern p, LocalDate from, LocalDate to) {
        Tally t = Tally.ZERO;
        for (int week = 0; week < WEEKS; week++) {
            for (int day = 0; day < 5; day++) {
                LocalDate d = FIRST_MONDAY.plusWeeks(week).plusDays(day);
                if (d.isBefore(from) || d.isAfter(to)) {
                    continue;
                }
                for (Session s : Session.values()) {
                    t = t.plus(Tally.of(CodeCatalogue.on(p.code(week, day, s), d).orElseThrow(), 0));
                }
            }
        }
        return Figures.of(t);
    }

    static List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out;
    }

    private static Map<String, String> sessions(String code, String... at) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : at) {
            m.put(s, code);
        }
        return m;
    }

    /** Whole days of one code: {@code count} days from {@code firstDay} of {@code week}. */
    private static Map<String, String> days(String code, int week, int firstDay, int count) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int d = firstDay; d < firstDay + count; d++) {
            for (Session s : Session.values()) {
                m.put(week + "," + d + "," + s, code);
            }
        }
        return m;
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... parts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map<String, String> p : parts) {
            m.putAll(p);
        }
        return m;
    }
}
