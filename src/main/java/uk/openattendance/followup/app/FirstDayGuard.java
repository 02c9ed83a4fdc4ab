package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.app.SendGuard;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

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
        return checkAll(List.of(message)).get(message.id());
    }

    /** One read of marks and reports per school and day for the whole batch, not one per message. */
    @Override
    public Map<Long, Verdict> checkAll(List<Pending> messages) {
        Map<Long, Verdict> out = new java.util.HashMap<>();
        messages.stream().collect(java.util.stream.Collectors.groupingBy(m -> m.schoolId() + "|" + m.aboutDate())).forEach((key, group) -> {
            Pending first = group.get(0);
            // the dispatcher, about to send a first-day text, re-reads for the chain that queued it
            SchoolScope scope = SchoolScope.forJob(Purpose.FIRST_DAY_CHAIN, first.schoolId());
            List<Long> all = group.stream().flatMap(m -> m.pupilIds().stream()).distinct().toList();
            Map<Long, PupilView> still = firstDay.stillUnexplained(scope, first.aboutDate(), all).stream()
                    .collect(java.util.stream.Collectors.toMap(PupilView::id, p -> p));
            for (Pending m : group) {
                out.put(m.id(), verdict(scope, m, m.pupilIds().stream().filter(still::containsKey).map(still::get).toList()));
            }
        });
        return out;
    }

    private Verdict verdict(SchoolScope scope, Pending message, List<PupilView> still) {
        if (still.isEmpty()) {
            return Verdict.cancel("Not sent: every child in it has since arrived or been reported");
        }
        if (still.size() == message.pupilIds().size()) {
            return Verdict.keep();
        }
        return Verdict.rewrite(outbox.render(scope, MessagePurpose.FIRST_DAY_ABSENCE, Map.of("children", FamilyContacts.names(still),
                "date", FirstDayService.DAY.format(message.aboutDate()))), "some children have since arrived or been reported");
    }
}
