package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.followup.persistence.FollowUpStore;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.security.Actor;
import uk.openattendance.security.SchoolScope;

/**
 * A pupil absent without explanation (N, O or G) for every session of the school's last ten school days (the policy's
 * number) may be missing education: flagged once per run of absence, and the designated lead is emailed.
 */
@Singleton
public class MissingEducationCheck {
    private static final List<String> UNEXPLAINED = List.of("N", "O", "G");

    private final RegisterService registers;
    private final PupilService pupils;
    private final SchoolDay schoolDay;
    private final FollowUpStore store;
    private final Outbox outbox;
    private final FirstDayService firstDay;

    public MissingEducationCheck(RegisterService registers, PupilService pupils, SchoolDay schoolDay, FollowUpStore store, Outbox outbox,
            FirstDayService firstDay) {
        this.registers = registers;
        this.pupils = pupils;
        this.schoolDay = schoolDay;
        this.store = store;
        this.outbox = outbox;
        this.firstDay = firstDay;
    }

    @Transactional
    public String run(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        int days = schoolDay.policy(schoolId).firstDay().missingEducationAfterSchoolDays();
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        List<LocalDate> recent = new ArrayList<>();
        for (LocalDate d = date; recent.size() < days && d.isAfter(date.minusDays(days * 3L + 21)); d = d.minusDays(1)) {
            if (ctx.calendar().isSchoolDay(d)) {
                recent.add(d);
            }
        }
        if (recent.size() < days) {
            return "Fewer than " + days + " school days so far: nothing to check.";
        }
        LocalDate from = recent.get(recent.size() - 1);
        Map<Long, Set<String>> sessions = new HashMap<>();
        for (String code : UNEXPLAINED) {
            for (MarkView m : registers.marksWithCode(scope, code, from, date)) {
                sessions.computeIfAbsent(m.pupilId(), k -> new HashSet<>()).add(m.date() + m.session());
            }
        }
        List<Long> flagged = new ArrayList<>();
        for (Map.Entry<Long, Set<String>> e : sessions.entrySet()) {
            if (e.getValue().size() >= days * 2 && recent.stream().allMatch(d -> e.getValue().contains(d + "AM") && e.getValue().contains(d + "PM"))
                    && store.flagMissingEducation(schoolId, e.getKey(), from, date, days)) {
                flagged.add(e.getKey());
            }
        }
        if (flagged.isEmpty()) {
            return "No pupil absent without explanation for " + days + " school days in a row.";
        }
        List<PupilView> children = pupils.pupilsByIds(scope, flagged);
        List<Outbox.Request> alerts = new ArrayList<>();
        for (PupilView p : children) {
            alerts.add(new Outbox.Request(schoolId, MessagePurpose.MISSING_EDUCATION_ALERT, date + ":pupil " + p.id(), Outbox.URGENT,
                    new Recipients.Plan(new Recipients.Target(0, Channel.EMAIL, firstDay.leadEmail(scope)), List.of()),
                    Map.of("children", p.displayName(), "points", String.valueOf(days)), List.of(p.id()), date));
        }
        outbox.enqueue(scope, alerts);
        return children.size() + " possible child(ren) missing education flagged; designated lead emailed";
    }
}
