package uk.openattendance.followup.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Optional;
import uk.openattendance.school.domain.LatenessNotices;
import uk.openattendance.school.domain.PraiseRules;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;

/** When the family messages and the office's checks fall on a school day, from the school's policy, timings and calendar. */
public final class Occasions {
    private Occasions() {}

    static final LocalTime PRAISE_AT = LocalTime.of(15, 30);
    static final LocalTime PRAISE_UNTIL = LocalTime.of(19, 0);

    /**
     * Policy 003: "Each morning, after the register has closed, each parent/carer ... are notified by text that their
     * child was late": ten minutes after the last group's U time in each session, until 17:00. A school without group
     * timings is taken to mark U from 9:30 and 13:30.
     */
    public static Optional<Due> latenessNotices(LatenessNotices rules, Session session, Collection<LocalTime> unauthorisedAfterOfEachGroup) {
        if (!rules.enabled()) {
            return Optional.empty();
        }
        LocalTime lastU = unauthorisedAfterOfEachGroup.stream().max(LocalTime::compareTo)
                .orElse(session == Session.AM ? LocalTime.of(9, 30) : LocalTime.of(13, 30));
        return Optional.of(new Due(session.name(), lastU.plusMinutes(10), LocalTime.of(17, 0), "the end of the school day"));
    }

    /** Policy 003: "All children with 100% attendance in a week": on the week's last school day, early evening. */
    public static Optional<Due> weeklyPraise(PraiseRules rules, SchoolCalendar calendar, LocalDate date) {
        boolean due = rules.weeklyFullAttendance() && lastSchoolDayBefore(calendar, date, date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
        return due ? Optional.of(praise()) : Optional.empty();
    }

    /** Policy 004: "Half termly praise texts": on the half term's last school day, when any half-termly praise is on. */
    public static Optional<Due> halfTermPraise(PraiseRules rules, SchoolCalendar calendar, LocalDate date) {
        boolean any = rules.halfTermlyExcellentFrom() != null || rules.halfTermlyFullAttendance() || rules.improvementByPoints() != null;
        var half = calendar.halfTermContaining(date);
        return any && half.isPresent() && lastSchoolDayBefore(calendar, date, half.get().to()) ? Optional.of(praise()) : Optional.empty();
    }

    /** Policy 003: "100% Attendance certificates awarded at the end of each academic term": on the term's last school day. */
    public static Optional<Due> termlyPraise(PraiseRules rules, SchoolCalendar calendar, LocalDate date) {
        var term = calendar.termContaining(date);
        return rules.termlyFullAttendance() && term.isPresent() && lastSchoolDayBefore(calendar, date, term.get().endsOn()) ? Optional.of(praise())
                : Optional.empty();
    }

    /** After school, the check for children absent without explanation for the policy's number of school days. */
    public static Due missingEducationCheck() {
        return new Due(null, LocalTime.of(16, 0), LocalTime.of(23, 0), "the end of the day");
    }

    /** The office's email before the end of the day about registers not taken: five minutes after the session's last close. */
    public static final LocalTime REGISTERS_END_OF_DAY = LocalTime.of(18, 0);

    public static Optional<Due> untakenRegisters(Session session, Collection<LocalTime> closesAtOfEachGroup) {
        return closesAtOfEachGroup.stream().max(LocalTime::compareTo).filter(close -> close.isBefore(REGISTERS_END_OF_DAY.minusMinutes(5)))
                .map(close -> new Due(session.name(), close.plusMinutes(5), REGISTERS_END_OF_DAY, "the end of the school day"));
    }

    /** No school day after {@code date} up to and including {@code end}. */
    public static boolean lastSchoolDayBefore(SchoolCalendar calendar, LocalDate date, LocalDate end) {
        for (LocalDate d = date.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                return false;
            }
        }
        return true;
    }

    private static Due praise() {
        return new Due(null, PRAISE_AT, PRAISE_UNTIL, "early evening");
    }
}
