package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.followup.domain.Child;
import uk.openattendance.followup.domain.MissingEducation;
import uk.openattendance.followup.persistence.MissingEducationFlagRepository;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.domain.CodeSet;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.SchoolScope;

/**
 * A pupil absent without explanation (N, O or G) for every session of the school's last ten school days (the policy's
 * number) may be missing education: flagged once per run of absence, and the designated lead is emailed.
 */
@Singleton
public class MissingEducationCheck {
    private final RegisterService registers;
    private final PupilService pupils;
    private final SchoolDay schoolDay;
    private final MissingEducationFlagRepository flags;
    private final Outbox outbox;
    private final FirstDayService firstDay;

    public MissingEducationCheck(RegisterService registers, PupilService pupils, SchoolDay schoolDay, MissingEducationFlagRepository flags, Outbox outbox,
            FirstDayService firstDay) {
        this.registers = registers;
        this.pupils = pupils;
        this.schoolDay = schoolDay;
        this.flags = flags;
        this.outbox = outbox;
        this.firstDay = firstDay;
    }

    @Transactional
    public String run(SchoolScope scope, LocalDate date) {
        long schoolId = scope.schoolId();
        int days = schoolDay.policy(schoolId).firstDay().missingEducationAfterSchoolDays();
        Optional<List<LocalDate>> recent = MissingEducation.recentSchoolDays(schoolDay.of(schoolId).calendar(), date, days);
        if (recent.isEmpty()) {
            return MissingEducation.nothingYet(days);
        }
        LocalDate from = recent.get().get(recent.get().size() - 1);
        Map<Long, Set<RegisterGaps.Slot>> sessions = new HashMap<>();
        for (MarkView m : registers.marksWithCodes(scope, CodeSet.MISSING_WITHOUT_PERMISSION.codes(), from, date)) {
            sessions.computeIfAbsent(m.pupilId(), k -> new HashSet<>()).add(new RegisterGaps.Slot(m.date(), Session.valueOf(m.session())));
        }
        // a flag is written once per pupil and first day of the window (uq_missing_education_flag); only a new flag is emailed
        List<Long> flagged = MissingEducation.continuouslyAbsent(sessions, recent.get()).stream()
                .filter(pupilId -> flags.insertIfNew(schoolId, pupilId, from, date, days) == 1).toList();
        if (flagged.isEmpty()) {
            return MissingEducation.outcome(days, 0);
        }
        List<Child> children = FamilyContacts.children(pupils.pupilsByIds(scope, flagged));
        outbox.enqueue(scope, FamilyContacts.requests(schoolId, date, MissingEducation.alerts(date, firstDay.leadEmail(scope), children, days)));
        return MissingEducation.outcome(days, children.size());
    }
}
