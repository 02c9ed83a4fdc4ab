package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.followup.domain.BeforeTheTextLeaves;
import uk.openattendance.followup.domain.Child;
import uk.openattendance.followup.domain.Wording;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.app.SendGuard;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/** Just before a first-day text leaves: {@link BeforeTheTextLeaves} on a fresh read of marks and reports. */
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
        Map<Long, Verdict> out = new HashMap<>();
        messages.stream().collect(Collectors.groupingBy(m -> m.schoolId() + "|" + m.aboutDate())).forEach((key, group) -> {
            Pending first = group.get(0);
            // the dispatcher, about to send a first-day text, re-reads for the chain that queued it
            SchoolScope scope = SchoolScope.forJob(Purpose.FIRST_DAY_CHAIN, first.schoolId());
            List<Long> all = group.stream().flatMap(m -> m.pupilIds().stream()).distinct().toList();
            Map<Long, Child> still = firstDay.stillUnexplained(scope, first.aboutDate(), all).stream().collect(Collectors.toMap(Child::id, Function.identity()));
            for (Pending m : group) {
                out.put(m.id(), verdict(scope, m, BeforeTheTextLeaves.verdict(m.pupilIds(), still)));
            }
        });
        return out;
    }

    private Verdict verdict(SchoolScope scope, Pending message, BeforeTheTextLeaves.Verdict decided) {
        if (decided instanceof BeforeTheTextLeaves.Cancel c) {
            return Verdict.cancel(c.why());
        }
        if (decided instanceof BeforeTheTextLeaves.Rewrite r) {
            return Verdict.rewrite(outbox.render(scope, MessagePurpose.FIRST_DAY_ABSENCE, Map.of("children", Wording.children(r.children()),
                    "date", Wording.DAY.format(message.aboutDate())), message.contactId()), r.why());
        }
        return Verdict.keep();
    }
}
