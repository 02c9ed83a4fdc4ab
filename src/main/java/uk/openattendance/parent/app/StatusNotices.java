package uk.openattendance.parent.app;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.leave.app.LeaveDecided;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.parent.domain.StatusNotice;
import uk.openattendance.register.app.MarkChanged;
import uk.openattendance.register.app.MarkListener;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.SchoolScope;

/**
 * Tells the parent who made a report or request where it stands, by their preferred channel through the outbox: when
 * it is made (its reference), when the register records it, and when the headteacher decides. Each runs in the
 * transaction of the change, so a rolled-back change tells no one; the outbox's key makes each status told once.
 * The wording goes in the school's "thank you, we have recorded that" text (REPLY_THANKS), the one family message
 * whose template carries words of the sender's choosing.
 */
@Singleton
class StatusNotices implements MarkListener {
    /** The codes a report can give; any other mark cannot change a report's status, so costs nothing to write. */
    private static final Set<String> REPORT_CODES = java.util.Arrays.stream(ReportCategory.values()).map(ReportCategory::suggestedCode)
            .filter(java.util.Objects::nonNull).collect(Collectors.toUnmodifiableSet());

    private final Outbox outbox;
    private final ContactService contacts;
    // the services write marks, and mark writes tell this listener: reached lazily, so neither needs the other to start
    private final Provider<AbsenceService> absences;
    private final Provider<LeaveService> leave;

    StatusNotices(Outbox outbox, ContactService contacts, Provider<AbsenceService> absences, Provider<LeaveService> leave) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.absences = absences;
        this.leave = leave;
    }

    /** A report just made: acknowledged with its reference and where it stands already. */
    public void reportsMade(SchoolScope scope, List<AbsenceService.FamilyReport> reports) {
        tellAbsences(scope, reports, true);
    }

    /** A leave request just made. */
    public void leaveRequested(SchoolScope scope, LeaveService.FamilyLeave request) {
        tellLeave(scope, request, true);
    }

    @Override
    public void marksWritten(List<MarkChanged> changes) {
        Map<Long, Map<LocalDate, List<MarkChanged>>> relevant = changes.stream().filter(c -> REPORT_CODES.contains(c.newCode()))
                .collect(Collectors.groupingBy(MarkChanged::schoolId, Collectors.groupingBy(MarkChanged::date)));
        relevant.forEach((schoolId, byDate) -> {
            SchoolScope scope = SchoolScope.forJob(Purpose.FAMILY_MESSAGES, schoolId);
            byDate.forEach((date, ofDate) -> tellAbsences(scope, absences.get().familyReportsTouching(scope, date,
                    ofDate.stream().map(MarkChanged::pupilId).collect(Collectors.toSet())), false));
        });
    }

    @EventListener
    void onLeaveDecided(LeaveDecided e) {
        SchoolScope scope = SchoolScope.forJob(Purpose.FAMILY_MESSAGES, e.schoolId());
        tellLeave(scope, LeaveService.family(leave.get().get(scope, e.requestId())), false);
    }

    private void tellAbsences(SchoolScope scope, List<AbsenceService.FamilyReport> reports, boolean justMade) {
        List<Outbox.Request> out = new ArrayList<>();
        for (AbsenceService.FamilyReport r : reports) {
            if (r.report().contactId() == null) {
                continue; // logged by the office with no contact named: nobody to tell
            }
            StatusNotice.due(StatusNotice.Kind.ABSENCE, r.report().id(), r.status().reference(), r.status().status().name(), r.status().words(),
                    r.report().pupilName(), justMade).flatMap(n -> request(scope, r.report().contactId(), n, r.report().pupilId(), r.report().firstDate()))
                    .ifPresent(out::add);
        }
        if (!out.isEmpty()) {
            outbox.enqueue(scope, out);
        }
    }

    private void tellLeave(SchoolScope scope, LeaveService.FamilyLeave l, boolean justMade) {
        if (l.request().requesterContactId() == null) {
            return;
        }
        StatusNotice.due(StatusNotice.Kind.LEAVE, l.request().id(), l.status().reference(), l.status().status().name(), l.status().words(),
                l.request().pupilName(), justMade).flatMap(n -> request(scope, l.request().requesterContactId(), n, l.request().pupilId(),
                l.request().firstDate())).ifPresent(r -> outbox.enqueue(scope, List.of(r)));
    }

    /** To the contact's preferred channel, their other one if that fails; never to someone under a no-contact order. */
    private Optional<Outbox.Request> request(SchoolScope scope, long contactId, StatusNotice.Notice n, long pupilId, LocalDate about) {
        Optional<ContactView> found = contacts.linksOfContact(scope, contactId).stream().filter(c -> !c.noContact()).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ContactView c = found.get();
        List<Recipients.Target> targets = new ArrayList<>();
        Recipients.Target sms = c.mobile() == null ? null : new Recipients.Target(c.contactId(), Channel.SMS, c.mobile());
        Recipients.Target mail = c.email() == null ? null : new Recipients.Target(c.contactId(), Channel.EMAIL, c.email());
        for (Recipients.Target t : c.preferredChannel() == Channel.EMAIL ? new Recipients.Target[] {mail, sms} : new Recipients.Target[] {sms, mail}) {
            if (t != null) {
                targets.add(t);
            }
        }
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Outbox.Request(scope.schoolId(), MessagePurpose.REPLY_THANKS, n.key(), Outbox.NORMAL,
                new Recipients.Plan(targets.get(0), targets.subList(1, targets.size())), Map.of("reply", n.words()), List.of(pupilId), about));
    }
}
