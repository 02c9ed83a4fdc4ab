package uk.openattendance.absence.domain.reply;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Religious festivals and the days they can fall on in 2026 and 2027 (moon-sighting festivals a day either side), so
 * a reply naming a festival is read as religious observance (R) only on a day it can be kept. A festival named on a
 * day it cannot fall, or a saint's day the table does not hold, goes to a person; an unnamed "holy day" is suggested as
 * R and still goes to a person.
 */
public final class Festivals {
    private Festivals() {}

    /** What a clause says about a festival on a given day. */
    public enum Verdict { ON_ITS_DAY, NOT_ITS_DAY, UNNAMED, NONE }

    private record Festival(Pattern name, List<LocalDate[]> windows) {}

    private static LocalDate[] days(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private static Festival f(String names, LocalDate[]... windows) {
        return new Festival(Pattern.compile("(?<![\\w'])(?:" + names + ")(?![\\w'])"), List.of(windows));
    }

    private static final List<Festival> TABLE = List.of(
            f("eid(?: al| ul| el)?[- ]?fitr|eid", days("2026-03-19", "2026-03-22"), days("2026-05-26", "2026-05-29"),
                    days("2027-03-09", "2027-03-12"), days("2027-05-15", "2027-05-18")),
            f("eid(?: al| ul| el)?[- ]?(?:adha|azha)|bakri eid|big eid", days("2026-05-26", "2026-05-29"), days("2027-05-15", "2027-05-18")),
            f("ramadan|ramzan", days("2026-02-17", "2026-03-20"), days("2027-02-07", "2027-03-09")),
            f("islamic new year|muharram|hijri new year", days("2026-06-15", "2026-06-17"), days("2027-06-05", "2027-06-07")),
            f("ashura", days("2026-06-24", "2026-06-26"), days("2027-06-14", "2027-06-16")),
            f("mawlid|milad(?: un nabi)?|prophet's birthday", days("2026-08-24", "2026-08-26"), days("2027-08-13", "2027-08-15")),
            f("diwali|deepavali|divali", days("2026-11-08", "2026-11-09"), days("2027-10-29", "2027-10-30")),
            f("bandi chhor(?: divas)?", days("2026-11-08", "2026-11-09"), days("2027-10-29", "2027-10-30")),
            f("holi", days("2026-03-03", "2026-03-04"), days("2027-03-21", "2027-03-22")),
            f("navratri|navaratri", days("2026-10-11", "2026-10-20"), days("2027-09-30", "2027-10-09")),
            f("dussehra|dasara|vijayadashami", days("2026-10-20", "2026-10-21"), days("2027-10-09", "2027-10-10")),
            f("janmashtami", days("2026-09-04", "2026-09-05"), days("2027-08-25", "2027-08-26")),
            f("raksha bandhan|rakhi", days("2026-08-28", "2026-08-28"), days("2027-08-17", "2027-08-17")),
            f("ganesh chaturthi", days("2026-09-14", "2026-09-14"), days("2027-09-04", "2027-09-04")),
            f("vaisakhi|baisakhi", days("2026-04-13", "2026-04-14"), days("2027-04-13", "2027-04-14")),
            f("guru nanak(?:'s)?(?: dev)?(?: ji)?(?:'s)?(?: birthday| jayanti| gurpurab)?|gurpurab|gurpurb", days("2026-11-24", "2026-11-24"),
                    days("2027-11-14", "2027-11-14")),
            f("rosh hashan\\w*", days("2026-09-12", "2026-09-13"), days("2027-10-02", "2027-10-03")),
            f("yom kippur", days("2026-09-21", "2026-09-21"), days("2027-10-11", "2027-10-11")),
            f("sukkot|succot", days("2026-09-26", "2026-10-03"), days("2027-10-16", "2027-10-23")),
            f("simchat torah|shemini atzeret", days("2026-10-03", "2026-10-04"), days("2027-10-23", "2027-10-24")),
            f("hanukkah|chanukah|hanukah", days("2026-12-05", "2026-12-12"), days("2027-12-25", "2028-01-01")),
            f("purim", days("2026-03-03", "2026-03-03"), days("2027-03-23", "2027-03-23")),
            f("passover|pesach", days("2026-04-02", "2026-04-09"), days("2027-04-22", "2027-04-29")),
            f("shavuot", days("2026-05-22", "2026-05-23"), days("2027-06-11", "2027-06-12")),
            f("ash wednesday", days("2026-02-18", "2026-02-18"), days("2027-02-10", "2027-02-10")),
            f("good friday", days("2026-04-03", "2026-04-03"), days("2027-03-26", "2027-03-26")),
            f("easter", days("2026-04-03", "2026-04-06"), days("2027-03-26", "2027-03-29")),
            f("orthodox easter", days("2026-04-10", "2026-04-13"), days("2027-04-30", "2027-05-03")),
            f("ascension day", days("2026-05-14", "2026-05-14"), days("2027-05-06", "2027-05-06")),
            f("christmas(?: day)?", days("2026-12-25", "2026-12-25"), days("2027-12-25", "2027-12-25")),
            f("orthodox christmas", days("2027-01-07", "2027-01-07"), days("2028-01-07", "2028-01-07")),
            f("epiphany|theophany|timkat", days("2026-01-06", "2026-01-06"), days("2027-01-06", "2027-01-06"), days("2027-01-19", "2027-01-20")),
            f("vesak|wesak|buddha day", days("2026-05-01", "2026-05-01"), days("2026-05-31", "2026-05-31"), days("2027-05-20", "2027-05-20")),
            f("lunar new year|chinese new year|tet", days("2026-02-17", "2026-02-18"), days("2027-02-06", "2027-02-07")),
            f("nowruz|navroz", days("2026-03-20", "2026-03-21"), days("2027-03-20", "2027-03-21")));

    /** A saint's or feast day the table does not hold: a person checks it. */
    private static final Pattern UNKNOWN_NAMED = Pattern.compile("(?<![\\w'])(?:st|saint) \\w+|feast of \\w+");

    public static Verdict judge(String clause, LocalDate date) {
        boolean named = false;
        for (Festival f : TABLE) {
            if (f.name().matcher(clause).find()) {
                named = true;
                for (LocalDate[] w : f.windows()) {
                    if (!date.isBefore(w[0]) && !date.isAfter(w[1])) {
                        return Verdict.ON_ITS_DAY;
                    }
                }
            }
        }
        if (named || UNKNOWN_NAMED.matcher(clause).find()) {
            return Verdict.NOT_ITS_DAY;
        }
        return Lexicon.UNNAMED_HOLY_DAY.matcher(clause).find() || Lexicon.FESTIVAL.matcher(clause).find() ? Verdict.UNNAMED : Verdict.NONE;
    }
}
