package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.openattendance.followup.domain.Correction;
import uk.openattendance.followup.domain.Wording;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.app.MarkChanged;
import uk.openattendance.register.app.MarkListener;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * When a morning N that caused a first-day text becomes a mark that says the child is here ({@link Correction}: a late
 * sign-in, a register corrected), the family who got the text gets a short correction, in the same transaction as the mark.
 */
@Singleton
class CorrectionListener implements MarkListener {
    private final Outbox outbox;
    private final PupilService pupils;

    CorrectionListener(Outbox outbox, PupilService pupils) {
        this.outbox = outbox;
        this.pupils = pupils;
    }

    @Override
    public void marksWritten(List<MarkChanged> changes) {
        Map<Long, List<MarkChanged>> bySchool = changes.stream().collect(java.util.stream.Collectors.groupingBy(MarkChanged::schoolId));
        bySchool.forEach((schoolId, ofSchool) -> correct(SchoolScope.forJob(Purpose.MARK_CORRECTION, schoolId), ofSchool));
    }

    private void correct(SchoolScope scope, List<MarkChanged> changes) {
        List<Outbox.Request> corrections = new ArrayList<>();
        for (MarkChanged c : changes) {
            if (!Correction.due(c.oldCode(), c.newCode(), c.session())) {
                continue;
            }
            for (Outbox.Sent sent : outbox.sentAbout(scope, c.date(), MessagePurpose.FIRST_DAY_ABSENCE)) {
                if (!sent.pupilIds().contains(c.pupilId()) || !sent.reachedFamily()) {
                    continue;
                }
                PupilView p = pupils.pupilsByIds(scope, List.of(c.pupilId())).get(0);
                corrections.add(new Outbox.Request(c.schoolId(), MessagePurpose.FIRST_DAY_CORRECTION, c.date() + ":pupil " + c.pupilId(), Outbox.URGENT,
                        new Recipients.Plan(sent.target(), List.of()), Map.of("children", Wording.children(List.of(FamilyContacts.child(p)))),
                        List.of(c.pupilId()), c.date()));
            }
        }
        if (!corrections.isEmpty()) {
            outbox.enqueue(scope, corrections);
        }
    }
}
