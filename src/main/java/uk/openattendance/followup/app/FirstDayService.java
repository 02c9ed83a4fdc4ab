package uk.openattendance.followup.app;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.followup.domain.Child;
import uk.openattendance.followup.domain.Escalation;
import uk.openattendance.followup.domain.FirstTexts;
import uk.openattendance.followup.domain.FollowUpCase;
import uk.openattendance.followup.domain.FollowUpStatus;
import uk.openattendance.followup.domain.Unexplained;
import uk.openattendance.followup.persistence.FollowUpStore;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.SchoolScope;

/**
 * The first-day response to a child absent without explanation, at the school's own times: it loads the morning,
 * asks the follow-up domain ({@link FirstTexts}, {@link Escalation}) what to do and writes what it decided. Every
 * step re-reads marks and reports, so a child who has since arrived or been reported drops out.
 */
@Singleton
public class FirstDayService {
    private final RegisterService registers;
    private final AbsenceService absences;
    private final PupilService pupils;
    private final FamilyContacts contacts;
    private final Outbox outbox;
    private final SchoolDay schoolDay;
    private final SchoolService schools;
    private final FollowUpStore store;
    private final Clock clock;
    private final MissingRegisters missing;
    private final ApplicationEventPublisher<PupilsNotKnownSafe> notSafe;

    public FirstDayService(RegisterService registers, AbsenceService absences, PupilService pupils, FamilyContacts contacts, Outbox outbox,
            SchoolDay schoolDay, SchoolService schools, FollowUpStore store, Clock clock, MissingRegisters missing,
            ApplicationEventPublisher<PupilsNotKnownSafe> notSafe) {
        this.notSafe = notSafe;
        this.missing = missing;
        this.registers = registers;
        this.absences = absences;
        this.pupils = pupils;
        this.contacts = contacts;
        this.outbox = outbox;
        this.schoolDay = schoolDay;
        this.schools = schools;
        this.store = store;
        this.clock = clock;
    }

    /** Pupils marked N this morning with no report explaining it, vulnerable first, then by name. */
    public List<Child> unexplained(SchoolScope scope, LocalDate date) {
        List<Long> ns = registers.marksWithCode(scope, Unexplained.NOT_YET_PROVIDED, date, date).stream().filter(m -> m.session().equals("AM"))
                .map(MarkView::pupilId).toList();
        return stillUnexplained(scope, date, ns);
    }

    /** Of these pupils, those still N this morning and not explained by a report (the re-read before every step). */
    public List<Child> stillUnexplained(SchoolScope scope, LocalDate date, Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        Map<Long, String> marks = registers.currentMarks(scope, date, Session.AM, pupilIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().code()));
        Set<Long> explained = absences.explained(scope, date, Session.AM, pupilIds);
        List<Long> left = Unexplained.still(pupilIds, marks, explained);
        return FamilyContacts.children(pupils.pupilsByIds(scope, left)).stream().sorted(Child.VULNERABLE_FIRST).toList();
    }

    /** The first text: one per family contact the school's routing names, listing all their children absent unexplained. */
    @Transactional
    public String sendFirstTexts(SchoolScope scope, LocalDate date) {
        return firstTexts(scope, date).outcome();
    }

    /** What one pass of the first text did, and whether some group's register is still not taken (the job then looks again). */
    public record FirstTextPass(String outcome, boolean waitingForRegisters) {}

    /**
     * As {@link #sendFirstTexts}, pass by pass: a child whose group's morning register is not wholly taken is not texted
     * about yet; a later pass, once it is taken, texts those families about the children not texted about before.
     */
    @Transactional
    public FirstTextPass firstTexts(SchoolScope scope, LocalDate date) {
        FirstTexts.Decision decision = FirstTexts.decide(morning(scope, date));
        int queued = outbox.enqueue(scope, FamilyContacts.requests(scope.schoolId(), date, decision.messages()));
        return new FirstTextPass(decision.outcome(queued), !decision.registersNotTaken().isEmpty());
    }

    private FirstTexts.Morning morning(SchoolScope scope, LocalDate date) {
        List<MissingRegisters.Untaken> untaken = missing.incomplete(scope, date, Session.AM);
        Set<Long> texted = outbox.sentAbout(scope, date, MessagePurpose.FIRST_DAY_ABSENCE).stream().flatMap(m -> m.pupilIds().stream())
                .collect(Collectors.toSet());
        List<Child> unexplained = unexplained(scope, date);
        return new FirstTexts.Morning(date, schoolDay.policy(scope.schoolId()).firstDay().routing(), unexplained,
                untaken.stream().map(MissingRegisters.Untaken::registerGroupId).collect(Collectors.toSet()),
                untaken.stream().map(MissingRegisters.Untaken::describe).toList(), texted,
                contacts.routable(scope, unexplained.stream().map(Child::id).toList()));
    }

    /** At the school's phone time, every child still unexplained goes on the office's call list. */
    @Transactional
    public String openCallList(SchoolScope scope, LocalDate date) {
        List<Child> absent = unexplained(scope, date);
        int opened = store.open(scope.schoolId(), absent.stream().map(Child::id).toList(), date, clock.instant());
        return absent.isEmpty() ? "Every absent child is explained: no calls needed." : absent.size() + " child(ren) to call about (" + opened + " new on the list)";
    }

    /** Children not yet known to be safe: the designated lead is told by email (once at escalation, once at safe-by). */
    @Transactional
    public String escalate(SchoolScope scope, LocalDate date, String stage) {
        openCallList(scope, date);
        List<FollowUpCase> cases = store.cases(scope.schoolId(), date).stream().map(c -> new FollowUpCase(c.id(), c.pupilId(), c.status())).toList();
        Set<Long> still = new HashSet<>(stillUnexplained(scope, date, cases.stream().filter(FollowUpCase::open).map(FollowUpCase::pupilId).toList())
                .stream().map(Child::id).toList());
        Escalation.Decision decision = Escalation.decide(stage, cases, still);
        for (FollowUpCase c : decision.explained()) {
            store.close(c.id(), FollowUpStatus.EXPLAINED, "System", decision.closingNote(), null, clock.instant());
        }
        if (decision.notSafe().isEmpty()) {
            return Escalation.outcome(stage, 0, null);
        }
        store.escalate(decision.notSafe().stream().map(FollowUpCase::id).toList(), clock.instant());
        List<Child> children = FamilyContacts.children(pupils.pupilsByIds(scope, decision.notSafePupils()));
        String lead = leadEmail(scope);
        outbox.enqueue(scope, FamilyContacts.requests(scope.schoolId(), date, List.of(Escalation.alert(date, stage, lead, children))));
        notSafe.publishEvent(new PupilsNotKnownSafe(scope.schoolId(), date, stage, decision.notSafePupils().stream().toList()));
        return Escalation.outcome(stage, decision.notSafe().size(), lead);
    }

    String leadEmail(SchoolScope scope) {
        String lead = schoolDay.policy(scope.schoolId()).messaging().designatedLeadEmail();
        return lead != null && !lead.isBlank() ? lead : Escalation.leadEmail(null, schools.school(scope).email());
    }
}
