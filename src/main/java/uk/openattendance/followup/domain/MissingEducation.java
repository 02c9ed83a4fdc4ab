package uk.openattendance.followup.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;

/**
 * Policy 002: "We will notify the local authority of any pupil who ... has been absent without the school's
 * permission for a continuous period of 10 school days or more"; policy 001: "If a pupil does not attend the school for
 * 10 school days ... the school will complete a Missing from Education form". A pupil absent without explanation (N, O
 * or G) for every session of the school's last {@code days} school days (the policy's number) may be missing education.
 */
public final class MissingEducation {
    private MissingEducation() {}

    /** Codes that mean absent without the school's permission or without a reason yet. */
    public static final List<String> UNEXPLAINED = List.of("N", "O", "G");

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

    /** Pupils with an unexplained mark for both sessions of every one of {@code recent} school days. */
    public static List<Long> continuouslyAbsent(Map<Long, Set<RegisterGaps.Slot>> unexplainedSessions, List<LocalDate> recent) {
        return unexplainedSessions.entrySet().stream().filter(e -> e.getValue().size() >= recent.size() * 2 && recent.stream().allMatch(d ->
                e.getValue().contains(new RegisterGaps.Slot(d, Session.AM)) && e.getValue().contains(new RegisterGaps.Slot(d, Session.PM))))
                .map(Map.Entry::getKey).toList();
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
