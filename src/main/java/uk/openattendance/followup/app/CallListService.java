package uk.openattendance.followup.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.followup.domain.Child;
import uk.openattendance.followup.domain.FollowUpCase;
import uk.openattendance.followup.domain.FollowUpStatus;
import uk.openattendance.followup.persistence.CallAttemptRepository;
import uk.openattendance.followup.persistence.CallAttemptRow;
import uk.openattendance.followup.persistence.FollowUpStore;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** The office's call list for a day: each child not yet known to be safe, every contact to try, and each attempt logged. */
@Singleton
public class CallListService {

    private final FollowUpStore store;
    private final CallAttemptRepository attempts;
    private final FirstDayService firstDay;
    private final PupilService pupils;
    private final FamilyContacts contacts;
    private final Outbox outbox;
    private final Clock clock;

    public CallListService(FollowUpStore store, CallAttemptRepository attempts, FirstDayService firstDay, PupilService pupils, FamilyContacts contacts, Outbox outbox, Clock clock) {
        this.store = store;
        this.attempts = attempts;
        this.firstDay = firstDay;
        this.pupils = pupils;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record ContactLine(long contactId, String name, String relationship, int priority, String mobile, String email, boolean parentalResponsibility) {}

    public record Attempt(long id, Long contactId, String outcome, String note, String recordedBy, Instant recordedAt) {}

    public record Text(String channel, String to, String status, String providerStatus) {}

    @Schema(example = "{\"caseId\": 640, \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"form\": \"2B\", \"vulnerable\": false, \"status\": \"SAFE\", \"stillUnexplained\": false, \"contacts\": [{\"contactId\": 118, \"name\": \"Rhys Fenwright\", \"relationship\": \"Father\", \"priority\": 1, \"mobile\": \"+447700900123\", \"email\": \"rhys.fenwright@example.org\", \"parentalResponsibility\": true}, {\"contactId\": 119, \"name\": \"Seren Fenwright\", \"relationship\": \"Mother\", \"priority\": 2, \"mobile\": \"+447700900124\", \"email\": \"seren.fenwright@example.org\", \"parentalResponsibility\": true}], \"texts\": [{\"channel\": \"SMS\", \"to\": \"+447700900123\", \"status\": \"DELIVERED\", \"providerStatus\": \"delivered\"}], \"attempts\": [{\"id\": 1201, \"contactId\": 118, \"outcome\": \"LEFT_VOICEMAIL\", \"note\": \"Left a message asking Dad to ring the office\", \"recordedBy\": \"office@example.org\", \"recordedAt\": \"2026-11-23T10:04:00Z\"}], \"closingNote\": \"SPOKE_CHILD_SAFE: Mum rang back, Nia is at home with a cold\", \"closedBy\": \"office@example.org (Office staff)\", \"version\": 3}")
    public record CallEntry(long caseId, long pupilId, String pupilName, String form, boolean vulnerable, String status, boolean stillUnexplained,
            List<ContactLine> contacts, List<Text> texts, List<Attempt> attempts, String closingNote, String closedBy, long version) {}

    public List<CallEntry> callList(Actor actor, long schoolId, LocalDate date) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        return entries(scope, date, store.cases(schoolId, date));
    }

    @Transactional
    public CallEntry logCall(Actor actor, long schoolId, long caseId, @Valid LogCall command) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        FollowUpStore.CaseRow c = caseOf(schoolId, caseId);
        if (command.contactId() != null && contacts.of(scope, List.of(c.pupilId())).getOrDefault(c.pupilId(), List.of()).stream()
                .noneMatch(v -> v.contactId() == command.contactId())) {
            throw new DomainProblem(FollowUpProblem.CALL_NOT_VALID, "contactId: expected one of this child's contacts",
                    List.of(new FieldError("contactId", "one of this child's contacts")));
        }
        String by = actor.describeIn(schoolId);
        attempts.save(new CallAttemptRow(null, caseId, command.contactId(), command.outcome(), command.note(), by, clock.instant()));
        if (command.outcome().safe()) {
            store.close(caseId, FollowUpStatus.SAFE, by, command.outcome().name() + (command.note() == null ? "" : ": " + command.note()), null, clock.instant());
        }
        return entries(scope, c.caseDate(), List.of(caseOf(schoolId, caseId))).get(0);
    }

    @Transactional
    public CallEntry markSafe(Actor actor, long schoolId, long caseId, @Valid MarkSafe command) {
        SchoolScope scope = actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        FollowUpStore.CaseRow c = caseOf(schoolId, caseId);
        if (!store.close(caseId, FollowUpStatus.SAFE, actor.describeIn(schoolId), command.note(), command.version(), clock.instant())) {
            throw new DomainProblem(FollowUpProblem.CASE_CHANGED, "This case is " + c.status() + (c.closedBy() == null ? "" : " (closed by " + c.closedBy() + ")")
                    + " or changed since you loaded it (version " + c.version() + ")");
        }
        return entries(scope, c.caseDate(), List.of(caseOf(schoolId, caseId))).get(0);
    }

    private FollowUpStore.CaseRow caseOf(long schoolId, long caseId) {
        return store.caseById(schoolId, caseId).stream().findFirst().orElseThrow(() -> CommonProblem.notFound("Follow-up case", caseId));
    }

    private List<CallEntry> entries(SchoolScope scope, LocalDate date, List<FollowUpStore.CaseRow> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Long> ids = cases.stream().map(FollowUpStore.CaseRow::pupilId).toList();
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, ids).stream().collect(Collectors.toMap(PupilView::id, Function.identity()));
        Set<Long> still = firstDay.stillUnexplained(scope, date, ids).stream().map(Child::id).collect(Collectors.toSet());
        Map<Long, List<ContactView>> byPupil = contacts.of(scope, ids);
        List<Outbox.Sent> texts = outbox.sentAbout(scope, date, MessagePurpose.FIRST_DAY_ABSENCE);
        Map<Long, List<CallAttemptRow>> attemptsByCase = attempts.findByCaseIdInOrderById(cases.stream().map(FollowUpStore.CaseRow::id).toList()).stream()
                .collect(Collectors.groupingBy(CallAttemptRow::caseId));
        return cases.stream().map(c -> {
            PupilView p = roll.get(c.pupilId());
            List<ContactLine> lines = byPupil.getOrDefault(c.pupilId(), List.of()).stream().filter(v -> !v.noContact())
                    .map(v -> new ContactLine(v.contactId(), v.name(), v.relationship(), v.priority(), v.mobile(), v.email(), v.parentalResponsibility()))
                    .toList();
            List<Text> sent = texts.stream().filter(t -> t.pupilIds().contains(c.pupilId()))
                    .map(t -> new Text(t.target().channel().name(), t.target().address(), t.status(), t.providerStatus())).toList();
            List<Attempt> tried = attemptsByCase.getOrDefault(c.id(), List.of()).stream()
                    .map(a -> new Attempt(a.id(), a.contactId(), a.outcome().name(), a.note(), a.recordedBy(), a.recordedAt())).toList();
            return new CallEntry(c.id(), c.pupilId(), p.displayName(), p.form(), FamilyContacts.child(p).needsCare(), c.status().name(), still.contains(c.pupilId()),
                    lines, sent, tried, c.closingNote(), c.closedBy(), c.version());
        }).sorted(FollowUpCase.callOrder(CallEntry::status, CallEntry::vulnerable, CallEntry::pupilName)).toList();
    }
}
