package uk.openattendance.followup.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.domain.ContinuousAbsence;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.SchoolCalendar;

/**
 * Policy 002: "We will notify the local authority of any pupil who ... has been absent without the school's
 * permission for a continuous period of 10 school days or more"; policy 001: "If a pupil does not attend the school for
 * 10 school days ... the school will complete a Missing from Education form". A pupil absent without explanation (N, O
 * or G) for every session of the school's last {@code days} school days (the policy's number) may be missing education.
 */
public final class MissingEducation {
    private MissingEducation() {}

    /** The last {@code days} school days up to {@code date}, newest first; empty when the school has not had that many (within a few weeks). */
    public static Optional<List<LocalDate>> recentSchoolDays(SchoolCalendar calendar, LocalDate date, int days) {
        List<LocalDate> recent = new ArrayList<>();
        for (LocalDate d = date; recent.size() < days && d.isAfter(date.minusDays(days * 3L + 21)); d = d.minusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                recent.add(d);
            }
        }
        return recent.size() < days ? Optional.empty() : Optional.of(recent);
    }

    /**
     * Pupils with an unexplained mark for both sessions of every one of {@code recent} school days (newest first): a
     * run of continuous absence as the local authority's return counts it ({@link ContinuousAbsence}) that spans them all.
     */
    public static List<Long> continuouslyAbsent(Map<Long, Set<RegisterGaps.Slot>> unexplainedSessions, List<LocalDate> recent) {
        List<LocalDate> inOrder = new ArrayList<>(recent);
        Collections.reverse(inOrder);
        return unexplainedSessions.entrySet().stream().filter(e -> !ContinuousAbsence.runs(inOrder, sessionsByDay(e.getValue()), recent.size()).isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    private static Map<LocalDate, Integer> sessionsByDay(Set<RegisterGaps.Slot> slots) {
        Map<LocalDate, Integer> byDay = new HashMap<>();
        slots.forEach(s -> byDay.merge(s.date(), 1, Integer::sum));
        return byDay;
    }

    /** The designated lead is emailed about each flagged child, once per child and day. */
    public static List<Message> alerts(LocalDate date, String leadEmail, List<Child> flagged, int days) {
        return flagged.stream().map(c -> new Message(MessagePurpose.MISSING_EDUCATION_ALERT, date + ":pupil " + c.id(), true,
                new Recipients.Plan(new Recipients.Target(0, Channel.EMAIL, leadEmail), List.of()),
                Map.of("children", c.displayName(), "points", String.valueOf(days)), List.of(c.id()))).toList();
    }

    public static String nothingYet(int days) {
        return "Fewer than " + days + " school days so far: nothing to check.";
    }

    public static String outcome(int days, int flagged) {
        return flagged == 0 ? "No pupil absent without explanation for " + days + " school days in a row."
                : flagged + " possible child(ren) missing education flagged; designated lead emailed";
    }
}
