package uk.openattendance.absence.domain.reply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;

/**
 * The sixth layer: how long a child will be off, read by a small date grammar and counted in school days from the
 * school's calendar (weekends, closures and the end of term are not school days). "back on Wednesday" ends the absence
 * on Tuesday; "until Friday" includes Friday; "for two days" is today and the next school day; "for a few days" is not a
 * length anyone can code, so it is unclear.
 */
public final class Lengths {
    private Lengths() {}

    /**
     * A stated length: the last school day off, the school day the family expects the child back, the session the
     * absence ends with, and whether the words gave a length nobody can count ({@code unclear}).
     */
    public record Span(LocalDate lastDay, LocalDate expectedReturn, Session lastSession, boolean stated, boolean unclear) {}

    private static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|weds|thurs|thur|thu|fri)";
    private static final String NUM = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|couple of|a couple|a)";
    private static final String ORD = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String MONTH = "(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)";
    private static final Pattern UNTIL_DATE = Pattern.compile("(?:until|till|til|untill|up to|up until|through|thru|to)\\s+(?:" + DAY + "\\s+)?(?:the\\s+)?" + ORD + "(?:\\s+(?:of\\s+)?" + MONTH + ")?\\b");
    private static final Pattern BACK_DATE = Pattern.compile("(?:back|return\\w*|in|be in)\\s+(?:(?:to|in) school\\s+)?(?:on\\s+)?(?:(?:next\\s+)?" + DAY + "\\s+)?(?:the\\s+)?" + ORD + "(?:\\s+(?:of\\s+)?" + MONTH + ")?\\b");
    private static final Pattern UNTIL_DAY = Pattern.compile("(?:until|till|til|untill|up to|up until|through|thru|to)\\s+(?:next\\s+)?" + DAY + "\\b");
    private static final Pattern BACK_DAY = Pattern.compile("(?:back|return\\w*|in|be in|come in|coming in|go in|going in|see you)\\s+(?:to school\\s+)?(?:on\\s+)?(?:(next)\\s+)?" + DAY + "\\b");
    private static final Pattern BACK_TOMORROW = Pattern.compile("(?:back|return\\w*|in|be in|come in|go in|see you|fine for|ok for|okay for|better (?:by|for))\\s+(?:to school\\s+)?(?:by\\s+)?tomorrow");
    private static final Pattern BACK_NEXT_WEEK = Pattern.compile("(?:back|return\\w*|in)\\s+(?:to school\\s+)?(?:next week|after the weekend|on monday)");
    private static final Pattern TOMORROW_TOO = Pattern.compile("today and tomorrow|tomorrow (?:too|as well|also)|also tomorrow|and tomorrow|till tomorrow|until tomorrow|til tomorrow|(?:off|home|sick|ill|poorly) tomorrow|tomorrow and");
    private static final Pattern WEEK = Pattern.compile("all week|whole week|rest of (?:the|this) week|this week|for the week|full week|all of this week|til the end of the week|till the end of the week|until the end of the week|end of the week|until the weekend|till the weekend");
    private static final Pattern FOR_N = Pattern.compile("(?:for|off|another|next|at least)\\s+(?:the\\s+next\\s+|another\\s+|at least\\s+)?" + NUM + "\\s+(?:more\\s+)?(school\\s+)?(days?|weeks?|hours)\\b");
    private static final Pattern N_OFF = Pattern.compile(NUM + "\\s+(days?|weeks?)\\s+(?:off|at home|of school|absence|isolat\\w*|rest)");
    private static final Pattern HOURS48 = Pattern.compile("\\b(?:48|forty eight)\\s*(?:hours|hour|hrs|hr|h)\\b");
    private static final Pattern VAGUE = Pattern.compile("few days|a day or two|day or two|couple of days or|a while|some time|foreseeable|until (?:he|she|they) (?:is|are|feels?) better|until better|not sure when|don't know when|do not know when|how long|until further notice|indefinitely|next few days|a few more days|few weeks|until (?:the|her|his|it|they) (?:\\w+ )?(?:has|have|are|is|clears?|crust\\w*)");
    // a stated number of weeks anywhere ("the doctor reckons 3 weeks", "two weeks in plaster"), not a past one
    private static final Pattern N_WEEKS = Pattern.compile("(?<!for the last |for the past |past |last )\\b" + NUM + "\\s+weeks?\\b(?!\\s+ago)");
    private static final Pattern THIS_WEEK_AND_NEXT = Pattern.compile("this week and next|this week and (?:all of )?next week|rest of (?:this|the) week and next");
    private static final Pattern TERM_END = Pattern.compile("(?:before|until|till|til|after) (?:the )?(?:christmas|xmas|the holidays|end of term|the end of term)|rest of (?:the )?term|end of term");
    private static final Pattern MORNING_ONLY = Pattern.compile("this morning|in after lunch|in for the afternoon|this afternoon|after lunch|by lunch|at lunch|in at (?:1[0-2]|[1-9])");

    public static Span read(String text, LocalDate today, SchoolCalendar calendar) {
        String t = text.toLowerCase(Locale.ROOT);
        LocalDate start = firstSchoolDay(today, calendar);
        Session session = MORNING_ONLY.matcher(t).find() ? Session.AM : Session.PM;
        Matcher m;
        if ((m = UNTIL_DATE.matcher(t)).find() && isDate(m)) {
            Optional<LocalDate> d = dateOf(m.group(2), m.group(3), today);
            if (d.isPresent()) {
                return backOn(d.get(), start, calendar, session);
            }
        }
        if ((m = BACK_DATE.matcher(t)).find() && isDate(m)) {
            Optional<LocalDate> d = dateOf(m.group(2), m.group(3), today);
            if (d.isPresent()) {
                return backOn(d.get(), start, calendar, session);
            }
        }
        if ((m = UNTIL_DAY.matcher(t)).find()) {
            // "off till Thursday": back on Thursday, as families mean it
            LocalDate d = nextDay(today, m.group(1), t.substring(m.start(), m.end()).contains("next"));
            return backOn(d, start, calendar, session);
        }
        if ((m = BACK_DAY.matcher(t)).find()) {
            return backOn(nextDay(today, m.group(2), m.group(1) != null), start, calendar, session);
        }
        if (BACK_TOMORROW.matcher(t).find()) {
            return through(start, start, calendar, session);
        }
        if (BACK_NEXT_WEEK.matcher(t).find()) {
            return backOn(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), start, calendar, session);
        }
        if (TERM_END.matcher(t).find()) {
            // "won't be back before Christmas": the rest of the term, far past any self-certification limit
            return through(lastDayOfTerm(start, calendar), start, calendar, Session.PM);
        }
        if (THIS_WEEK_AND_NEXT.matcher(t).find()) {
            LocalDate nextFriday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)).plusWeeks(1);
            return through(nextFriday, start, calendar, Session.PM);
        }
        if (VAGUE.matcher(t).find()) {
            return new Span(start, after(start, calendar), session, true, true);
        }
        if ((m = FOR_N.matcher(t)).find() || (m = N_OFF.matcher(t)).find()) {
            if (HOURS48.matcher(t).find() || m.group(m.groupCount()).startsWith("hour")) {
                return through(calendar.addSchoolDays(start, 1).orElse(start), start, calendar, Session.PM);
            }
            int n = number(m.group(1));
            boolean weeks = m.group(m.groupCount()).startsWith("week");
            int schoolDays = weeks ? n * 5 : n;
            LocalDate last = calendar.addSchoolDays(start, Math.max(0, schoolDays - 1)).orElse(start);
            return new Span(last, after(last, calendar), Session.PM, true, false);
        }
        if ((m = N_WEEKS.matcher(t)).find()) {
            int n = number(m.group(1));
            LocalDate last = calendar.addSchoolDays(start, Math.max(0, n * 5 - 1)).orElse(lastDayOfTerm(start, calendar));
            return new Span(last, after(last, calendar), Session.PM, true, false);
        }
        if (HOURS48.matcher(t).find()) {
            // the 48-hour rule after sickness and diarrhoea: today and the next school day
            return through(calendar.addSchoolDays(start, 1).orElse(start), start, calendar, Session.PM);
        }
        if (WEEK.matcher(t).find()) {
            LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            return through(friday, start, calendar, Session.PM);
        }
        if (TOMORROW_TOO.matcher(t).find()) {
            return through(calendar.addSchoolDays(start, 1).orElse(start), start, calendar, Session.PM);
        }
        return new Span(start, after(start, calendar), session, false, false);
    }

    /** "the 14th", "7th December", "the 2nd": a day of the month, not "in 10 minutes" or "till 3am". */
    private static boolean isDate(Matcher m) {
        String s = m.group();
        return m.group(3) != null || s.matches(".*\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)?$") || s.matches(".*\\d(?:st|nd|rd|th)$");
    }

    /** The number of school days from the first day to the last, both included. */
    public static int schoolDays(Span span, LocalDate today, SchoolCalendar calendar) {
        return calendar.schoolDays(today, span.lastDay()).size();
    }

    private static Span through(LocalDate last, LocalDate start, SchoolCalendar calendar, Session session) {
        LocalDate l = last;
        while (l.isAfter(start) && !calendar.isSchoolDay(l)) {
            l = l.minusDays(1);
        }
        if (l.isBefore(start)) {
            l = start;
        }
        return new Span(l, after(l, calendar), l.equals(start) ? session : Session.PM, true, false);
    }

    private static Span backOn(LocalDate back, LocalDate start, SchoolCalendar calendar, Session session) {
        LocalDate l = back.minusDays(1);
        while (l.isAfter(start) && !calendar.isSchoolDay(l)) {
            l = l.minusDays(1);
        }
        if (l.isBefore(start)) {
            l = start;
        }
        LocalDate ret = calendar.isSchoolDay(back) ? back : after(l, calendar);
        return new Span(l, ret, l.equals(start) ? session : Session.PM, true, false);
    }

    /** The last school day before a break longer than a weekend: the end of this term. */
    static LocalDate lastDayOfTerm(LocalDate start, SchoolCalendar calendar) {
        LocalDate last = start;
        int gap = 0;
        for (LocalDate d = start.plusDays(1); gap < 5 && d.isBefore(start.plusDays(120)); d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                last = d;
                gap = 0;
            } else {
                gap++;
            }
        }
        return last;
    }

    private static LocalDate after(LocalDate day, SchoolCalendar calendar) {
        return calendar.addSchoolDays(day, 1).orElse(day.plusDays(1));
    }

    private static LocalDate firstSchoolDay(LocalDate today, SchoolCalendar calendar) {
        return calendar.isSchoolDay(today) ? today : calendar.addSchoolDays(today, 0).orElse(today);
    }

    private static LocalDate nextDay(LocalDate today, String day, boolean next) {
        DayOfWeek dow = dayOf(day);
        LocalDate d = today.with(TemporalAdjusters.next(dow));
        // "next Tuesday" said on a Monday is the Tuesday of next week
        return next && d.isBefore(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))) ? d.plusDays(7) : d;
    }

    private static DayOfWeek dayOf(String d) {
        return switch (d.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static Optional<LocalDate> dateOf(String dayOfMonth, String month, LocalDate today) {
        int d = Integer.parseInt(dayOfMonth);
        if (d < 1 || d > 31) {
            return Optional.empty();
        }
        try {
            if (month != null) {
                Month mo = MONTHS.get(month.substring(0, 3));
                LocalDate date = LocalDate.of(today.getYear(), mo, d);
                return Optional.of(date.isBefore(today) ? date.plusYears(1) : date);
            }
            LocalDate date = today.withDayOfMonth(Math.min(d, today.lengthOfMonth()));
            if (date.isBefore(today)) {
                LocalDate nextMonth = today.plusMonths(1);
                date = nextMonth.withDayOfMonth(Math.min(d, nextMonth.lengthOfMonth()));
            }
            return Optional.of(date);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final Map<String, Month> MONTHS = Map.ofEntries(Map.entry("jan", Month.JANUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("mar", Month.MARCH), Map.entry("apr", Month.APRIL), Map.entry("may", Month.MAY), Map.entry("jun", Month.JUNE),
            Map.entry("jul", Month.JULY), Map.entry("aug", Month.AUGUST), Map.entry("sep", Month.SEPTEMBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("nov", Month.NOVEMBER), Map.entry("dec", Month.DECEMBER));

    private static int number(String n) {
        return switch (n) {
            case "one", "a" -> 1;
            case "two", "a couple of", "couple of", "a couple" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            default -> Integer.parseInt(n);
        };
    }
}
