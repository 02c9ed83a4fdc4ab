package uk.openattendance.parent.app;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.app.AbsenceReported;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.leave.app.LeaveDecided;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.notify.domain.ShippedWording;
import uk.openattendance.parent.domain.StatusNotice;
import uk.openattendance.parent.persistence.StatusToldStore;
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
 * transaction of the change, so a rolled-back change tells no one; what the family last heard is kept per item
 * (family_status_told), so each change is told once, and the outbox's key (which carries the status) makes a retried
 * change tell nothing more. A report made from the family's own text is answered by the reply to that text, so only
 * its later changes are told. The words go in the school's STATUS_UPDATE message, in the contact's language.
 */
@Singleton
class StatusNotices implements MarkListener {
    /** The codes a report can give; any other mark cannot change a report's status, so costs nothing to write. */
    private static final Set<String> REPORT_CODES = java.util.Arrays.stream(ReportCategory.values()).map(ReportCategory::suggestedCode)
            .filter(java.util.Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    private static final String KIND_ABSENCE = "ABSENCE";
    private static final String KIND_LEAVE = "LEAVE";

    private final Outbox outbox;
    private final ContactService contacts;
    private final StatusToldStore told;
    private final Clock clock;
    // the services write marks, and mark writes tell this listener: reached lazily, so neither needs the other to start
    private final Provider<AbsenceService> absences;
    private final Provider<LeaveService> leave;

    StatusNotices(Outbox outbox, ContactService contacts, StatusToldStore told, Clock clock, Provider<AbsenceService> absences, Provider<LeaveService> leave) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.told = told;
        this.clock = clock;
        this.absences = absences;
        this.leave = leave;
    }

    /** Reports just made (after the marks they explain were written, in the same transaction). */
    @EventListener
    void onAbsenceReported(AbsenceReported e) {
        SchoolScope scope = SchoolScope.forJob(Purpose.FAMILY_MESSAGES, e.schoolId());
        StatusNotice.Moment moment = switch (e.by()) {
            case SIGNED_IN_FAMILY -> StatusNotice.Moment.MADE_BY_FAMILY;
            case FAMILY_TEXT -> StatusNotice.Moment.MADE_FROM_THEIR_TEXT;
            case OFFICE -> StatusNotice.Moment.MADE_BY_OFFICE;
        };
        tellAbsences(scope, absences.get().familyReports(scope, e.reports().stream().map(AbsenceReported.Report::reportId).toList()), moment);
    }

    /** A leave request just made by a signed-in parent. */
    public void leaveRequested(SchoolScope scope, LeaveService.FamilyLeave request) {
        tellLeave(scope, request, StatusNotice.Moment.MADE_BY_FAMILY);
    }

    @Override
    public void marksWritten(List<MarkChanged> changes) {
        Map<Long, Map<LocalDate, List<MarkChanged>>> relevant = changes.stream().filter(c -> REPORT_CODES.contains(c.newCode()))
                .collect(Collectors.groupingBy(MarkChanged::schoolId, Collectors.groupingBy(MarkChanged::date)));
        relevant.forEach((schoolId, byDate) -> {
            SchoolScope scope = SchoolScope.forJob(Purpose.FAMILY_MESSAGES, schoolId);
            byDate.forEach((date, ofDate) -> tellAbsences(scope, absences.get().familyReportsTouching(scope, date,
                    ofDate.stream().map(MarkChanged::pupilId).collect(Collectors.toSet())), StatusNotice.Moment.CHANGED));
        });
    }

    @EventListener
    void onLeaveDecided(LeaveDecided e) {
        SchoolScope scope = SchoolScope.forJob(Purpose.FAMILY_MESSAGES, e.schoolId());
        tellLeave(scope, LeaveService.family(leave.get().get(scope, e.requestId())), StatusNotice.Moment.CHANGED);
    }

    private void tellAbsences(SchoolScope scope, List<AbsenceService.FamilyReport> reports, StatusNotice.Moment moment) {
        List<AbsenceService.FamilyReport> toSomeone = reports.stream().filter(r -> r.report().contactId() != null).toList();
        if (toSomeone.isEmpty()) {
            return; // logged by the office with no contact named: nobody to tell
        }
        Map<Long, String> known = told.toldForUpdate(KIND_ABSENCE, toSomeone.stream().map(r -> r.report().id()).toList());
        List<Outbox.Request> out = new ArrayList<>();
        for (AbsenceService.FamilyReport r : toSomeone) {
            StatusNotice.Decision d = StatusNotice.decide(StatusNotice.Kind.ABSENCE, r.report().id(), r.status().reference(), r.status().status().name(),
                    r.status().words(), r.report().pupilName(), moment, known.get(r.report().id()));
            d.notice().flatMap(n -> request(scope, r.report().contactId(), n, inLanguages(StatusNotice.Kind.ABSENCE, r.status().reference(),
                    r.status().status().name(), null, r.report().pupilName()), r.status().reference(), r.report().pupilId(), r.report().firstDate()))
                    .ifPresent(out::add);
            keep(scope, KIND_ABSENCE, r.report().id(), d);
        }
        if (!out.isEmpty()) {
            outbox.enqueue(scope, out);
        }
    }

    private void tellLeave(SchoolScope scope, LeaveService.FamilyLeave l, StatusNotice.Moment moment) {
        if (l.request().requesterContactId() == null) {
            return;
        }
        String known = told.toldForUpdate(KIND_LEAVE, List.of(l.request().id())).get(l.request().id());
        StatusNotice.Decision d = StatusNotice.decide(StatusNotice.Kind.LEAVE, l.request().id(), l.status().reference(), l.status().status().name(),
                l.status().words(), l.request().pupilName(), moment, known);
        d.notice().flatMap(n -> request(scope, l.request().requesterContactId(), n, inLanguages(StatusNotice.Kind.LEAVE, l.status().reference(),
                l.status().status().name(), l.status().note(), l.request().pupilName()), l.status().reference(), l.request().pupilId(), l.request().firstDate()))
                .ifPresent(r -> outbox.enqueue(scope, List.of(r)));
        keep(scope, KIND_LEAVE, l.request().id(), d);
    }

    private void keep(SchoolScope scope, String kind, long id, StatusNotice.Decision d) {
        if (d.nowKnown() != null) {
            told.keep(kind, id, scope.schoolId(), d.nowKnown(), clock.instant());
        }
    }

    /** To the contact's preferred channel, their other one if that fails; never to someone under a no-contact order. */
    /**
     * The news in every language we ship phrases for, as {@code reply@<tag>}: the outbox picks the one its wording is in
     * for this contact, so a Polish STATUS_UPDATE says the status in Polish too, and a school's own wording in a language
     * we have no phrases for keeps the English words.
     */
    static Map<String, String> inLanguages(StatusNotice.Kind kind, String reference, String status, String note, String child) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String tag : ShippedWording.LANGUAGES) {
            StatusNotice.wordsIn(kind, reference, status, note, child, key -> ShippedWording.phrase(tag, key)).ifPresent(w -> out.put("reply@" + tag, w));
        }
        return out;
    }

    private Optional<Outbox.Request> request(SchoolScope scope, long contactId, StatusNotice.Notice n, Map<String, String> translated, String reference,
            long pupilId, LocalDate about) {
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
        return Optional.of(new Outbox.Request(scope.schoolId(), MessagePurpose.STATUS_UPDATE, n.key(), Outbox.NORMAL,
                new Recipients.Plan(targets.get(0), targets.subList(1, targets.size())), values(n.words(), reference, translated),
                List.of(pupilId), about));
    }

    private static Map<String, String> values(String words, String reference, Map<String, String> translated) {
        Map<String, String> v = new java.util.HashMap<>(translated);
        v.put("reply", words);
        v.put("reference", reference);
        return Map.copyOf(v);
    }
}
