package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.app.SendGuard;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.roll.app.PupilView;

/** Just before a first-day text leaves: children who have since arrived or been reported are taken out of it. */
@Singleton
class FirstDayGuard implements SendGuard {
    private final FirstDayService firstDay;
    private final Outbox outbox;

    FirstDayGuard(FirstDayService firstDay, Outbox outbox) {
        this.firstDay = firstDay;
        this.outbox = outbox;
    }

    @Override
    public Set<String> purposes() {
        return Set.of(MessagePurpose.FIRST_DAY_ABSENCE.name());
    }

    @Override
    public Verdict check(Pending message) {
        List<PupilView> still = firstDay.stillUnexplained(message.schoolId(), message.aboutDate(), message.pupilIds());
        if (still.isEmpty()) {
            return Verdict.cancel("Not sent: every child in it has since arrived or been reported");
        }
        if (still.size() == message.pupilIds().size()) {
            return Verdict.keep();
        }
        return Verdict.rewrite(outbox.render(message.schoolId(), MessagePurpose.FIRST_DAY_ABSENCE, Map.of("children", FamilyContacts.names(still),
                "date", FirstDayService.DAY.format(message.aboutDate()))), "some children have since arrived or been reported");
    }
}
