package uk.openattendance.letters.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.letters.domain.LetterException;
import uk.openattendance.letters.persistence.LetterRow;
import uk.openattendance.letters.persistence.LetterStore;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Letters once drafted ({@link LetterRuns}): the office reviews, edits and approves them; approved letters are emailed
 * as PDFs to every contact with parental responsibility, or printed in one run for post; exceptions the office records
 * keep a pupil's letters from being sent. Every letter stays in the pupil's history.
 */
@Singleton
public class LetterService {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final LetterStore store;
    private final LetterRenderer renderer;
    private final PupilService pupils;
    private final ContactService contacts;
    private final SchoolService schools;
    private final SchoolDay schoolDay;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<LettersSent> sentEvents;

    public LetterService(LetterStore store, LetterRenderer renderer, PupilService pupils, ContactService contacts, SchoolService schools,
            SchoolDay schoolDay, Outbox outbox, ObjectMapper json, Clock clock, ApplicationEventPublisher<LettersSent> sentEvents) {
        this.store = store;
        this.renderer = renderer;
        this.pupils = pupils;
        this.contacts = contacts;
        this.schools = schools;
        this.schoolDay = schoolDay;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.sentEvents = sentEvents;
    }

    // ---- the office's workflow ----

    public List<LetterView> list(Actor actor, long schoolId, String status) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        List<LetterRow> rows = store.ofSchool(schoolId, status, 2000);
        Map<Long, PupilView> roll = pupils.pupilsByIds(scope, rows.stream().map(LetterRow::pupilId).distinct().toList()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return rows.stream().map(r -> view(r, roll.get(r.pupilId()))).toList();
    }

    public LetterView get(Actor actor, long schoolId, long id) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Letter", id);
        LetterRow r = row(schoolId, id);
        return view(r, pupils.pupil(scope, r.pupilId()));
    }

    public List<LetterView> ofPupil(Actor actor, long schoolId, long pupilId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
        PupilView p = pupils.pupil(scope, pupilId);
        return store.ofPupil(pupilId).stream().filter(r -> scope.owns(r.schoolId())).map(r -> view(r, p)).toList();
    }

    public record EditLetter(String subject, String bodyHtml, Long version) {}

    @Transactional
    public LetterView edit(Actor actor, long schoolId, long id, EditLetter edit) {
        actor.require(Permission.LETTERS_SEND, schoolId, "Letter", id);
        LetterRow r = row(schoolId, id);
        List<FieldError> errors = new ArrayList<>();
        if (edit == null || edit.subject() == null || edit.subject().isBlank() || edit.subject().length() > 200) {
            errors.add(new FieldError("subject", "a subject of 1 to 200 characters"));
        }
        if (edit == null || edit.bodyHtml() == null || edit.bodyHtml().isBlank() || edit.bodyHtml().length() > 50_000) {
            errors.add(new FieldError("bodyHtml", "the letter's text as XHTML paragraphs, up to 50,000 characters"));
        } else {
            String problem = renderer.wellFormed(edit.bodyHtml());
            if (problem != null) {
                errors.add(new FieldError("bodyHtml", "well-formed XHTML (every tag closed, &amp; for &): " + problem));
            }
            errors.addAll(renderer.unsafe("bodyHtml", edit.bodyHtml(), false));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(LetterProblem.LETTER_NOT_VALID, "Letter " + id + " not changed: " + errors.get(0).field() + ": " + errors.get(0).expected(),
                    errors);
        }
        long version = edit.version() == null ? r.version() : edit.version();
        if (!store.edit(id, version, edit.subject().strip(), edit.bodyHtml(), actor.describeIn(schoolId), clock.instant())) {
            throw new DomainProblem(LetterProblem.CHANGED, "Letter " + id + " is " + r.status() + (r.version() != version ? " and was changed since version "
                    + version : "") + "; only drafts can be edited");
        }
        return get(actor, schoolId, id);
    }

    public record Approval(int approved, List<Long> notDrafts) {}

    /** Approves drafts, singly or in bulk; ids that are not drafts of this school are listed, not approved. */
    @Transactional
    public Approval approve(Actor actor, long schoolId, List<Long> ids) {
        actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        requireIds(ids);
        List<Long> drafts = store.byIds(schoolId, ids).stream().filter(r -> "DRAFT".equals(r.status())).map(LetterRow::id).toList();
        int n = store.transition(schoolId, drafts, "DRAFT", "APPROVED", actor.describeIn(schoolId), clock.instant(), true);
        return new Approval(n, ids.stream().filter(i -> !drafts.contains(i)).toList());
    }

    /** A letter whose content a decision-maker has already settled (a leave decision): approved in their name. */
    void approveAsDecided(long schoolId, long id, String decidedBy) {
        store.transition(schoolId, List.of(id), "DRAFT", "APPROVED", decidedBy, clock.instant(), true);
    }

    @Transactional
    public Approval discard(Actor actor, long schoolId, List<Long> ids) {
        actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        requireIds(ids);
        List<Long> drafts = store.byIds(schoolId, ids).stream().filter(r -> "DRAFT".equals(r.status())).map(LetterRow::id).toList();
        int n = store.transition(schoolId, drafts, "DRAFT", "DISCARDED", actor.describeIn(schoolId), clock.instant(), true);
        return new Approval(n, ids.stream().filter(i -> !drafts.contains(i)).toList());
    }

    public record Emailed(int letters, int emails, List<Long> noEmailAddress) {}

    /**
     * Emails approved letters as PDFs to every contact with parental responsibility who has an email address, a parent
     * who lives elsewhere included; a letter with no such contact stays approved, for the print run.
     */
    @Transactional
    public Emailed email(Actor actor, long schoolId, List<Long> ids) {
        return email(actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId), ids);
    }

    /** As {@link #email(Actor, long, List)}, for a caller already checked for letters (or the leave-decision letter). */
    @Transactional
    public Emailed email(SchoolScope scope, List<Long> ids) {
        long schoolId = scope.schoolId();
        List<LetterRow> approved = approvedAmong(scope, ids);
        Map<Long, List<ContactView>> family = contacts.contactsOfPupils(scope, approved.stream().map(LetterRow::pupilId).distinct().toList());
        List<Long> sent = new ArrayList<>();
        List<Long> noEmail = new ArrayList<>();
        int emails = 0;
        for (LetterRow r : approved) {
            List<ContactView> to = family.getOrDefault(r.pupilId(), List.of()).stream().filter(c -> c.parentalResponsibility() && !c.noContact()
                    && c.email() != null && !c.email().isBlank()).toList();
            if (to.isEmpty()) {
                noEmail.add(r.id());
                continue;
            }
            for (ContactView c : to) {
                emails += outbox.enqueueEmailWithAttachment(scope, "LETTER:" + r.id(), c.contactId(), c.email(), r.subject(), "Dear " + c.name()
                        + ",\n\nPlease find attached a letter from " + schools.school(scope).name() + " about " + pupilName(r)
                        + ".\n\nIf you have any questions, please contact the school office.", List.of(r.pupilId()), r.asOf(), "letter:" + r.id());
            }
            sent.add(r.id());
        }
        store.markDelivered(schoolId, sent, "EMAIL", "SENT", scope.describe(), clock.instant());
        announce(schoolId, approved.stream().filter(r -> sent.contains(r.id())).toList(), "EMAIL");
        return new Emailed(sent.size(), emails, noEmail);
    }

    /** One PDF of approved letters for post, each on its own pages; the letters are recorded as printed. */
    @Transactional
    public byte[] printRun(Actor actor, long schoolId, List<Long> ids) {
        List<LetterRow> approved = approvedAmong(actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId), ids);
        if (approved.isEmpty()) {
            throw DomainProblem.field(LetterProblem.LETTER_NOT_VALID, "letterIds", "the ids of approved letters (none of these is approved)");
        }
        byte[] pdf = renderer.pdf(approved.stream().map(this::page).toList());
        store.markDelivered(schoolId, approved.stream().map(LetterRow::id).toList(), "POST", "PRINTED", actor.describeIn(schoolId), clock.instant());
        announce(schoolId, approved, "POST");
        return pdf;
    }

    /** The approved letters among these ids at this school, for a caller who may send letters. */
    private List<LetterRow> approvedAmong(SchoolScope scope, List<Long> ids) {
        scope.require(Permission.LETTERS_SEND);
        requireIds(ids);
        return store.byIds(scope.schoolId(), ids).stream().filter(r -> "APPROVED".equals(r.status())).toList();
    }

    private void announce(long schoolId, List<LetterRow> letters, String delivery) {
        if (!letters.isEmpty()) {
            sentEvents.publishEvent(new LettersSent(schoolId, letters.stream().map(r -> new LettersSent.Sent(r.id(), r.pupilId(), r.kind())).toList(),
                    delivery));
        }
    }

    /** A letter's PDF as it stands (a draft's too, for review). */
    public byte[] pdf(Actor actor, long schoolId, long id) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "Letter", id);
        return renderer.pdf(List.of(page(row(schoolId, id))));
    }

    /** For the outbox at sending time: the PDF of letter {@code id}. */
    Optional<byte[]> pdfForSending(long id) {
        return store.byIdAnySchool(id).map(r -> renderer.pdf(List.of(page(r))));
    }

    String page(LetterRow r) {
        Map<String, Object> facts = read(r.facts());
        @SuppressWarnings("unchecked")
        Map<String, Object> school = (Map<String, Object>) facts.getOrDefault("school", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) facts.getOrDefault("figures", Map.of());
        String header = renderer.merge("<div class=\"school\"><b>{{school.name}}</b><br/>{{school.address}}<br/>{{school.phone}} {{school.email}}</div>"
                + "<p class=\"date\">{{date}}</p><p>To {{parents}}<br/>Parents and carers of {{pupil.name}}{{#if pupil.form}} ({{pupil.form}}){{/if}}</p>",
                facts);
        String foot = figures.containsKey("denominator") ? renderer.merge("<p class=\"foot\">Figures from {{figures.from}} to {{figures.to}}: "
                + "{{figures.denominator}}. Letter reference {{ref}}.</p>", Map.of("figures", figures, "ref", r.id())) : "<p class=\"foot\">Letter reference "
                + r.id() + ".</p>";
        return "<div class=\"letter\">" + header + "<h2>" + escape(r.subject()) + "</h2>" + r.bodyHtml() + "<p>Yours sincerely,</p><p>"
                + escape(String.valueOf(school.getOrDefault("name", ""))) + "</p>" + foot + "</div>";
    }

    // ---- exceptions ----

    public record RecordException(Long pupilId, String kind, String reason, LocalDate fromDate, LocalDate toDate) {}

    @Transactional
    public LetterException recordException(Actor actor, long schoolId, RecordException e) {
        SchoolScope scope = actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        List<FieldError> errors = new ArrayList<>();
        if (e == null || e.pupilId() == null || pupils.pupilsByIds(scope, List.of(e.pupilId())).isEmpty()) {
            errors.add(new FieldError("pupilId", "the id of a pupil on this school's roll"));
        }
        if (e == null || e.reason() == null || e.reason().isBlank() || e.reason().length() > 1000) {
            errors.add(new FieldError("reason", "why this pupil's letters are not sent, e.g. a known medical condition (up to 1000 characters)"));
        }
        if (e != null && e.kind() != null && !e.kind().startsWith("ATTENDANCE") && !LetterTemplates.isKind(e.kind())) {
            errors.add(new FieldError("kind", "a letter kind, or none for every letter"));
        }
        if (e != null && e.fromDate() != null && e.toDate() != null && e.toDate().isBefore(e.fromDate())) {
            errors.add(new FieldError("toDate", "on or after fromDate"));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(LetterProblem.LETTER_NOT_VALID, "Exception not recorded: " + errors.get(0).field() + ": " + errors.get(0).expected(),
                    errors);
        }
        LocalDate from = e.fromDate() == null ? schoolDay.of(schoolId).now().toLocalDate() : e.fromDate();
        long id = store.insertException(schoolId, e.pupilId(), e.kind(), e.reason().strip(), from, e.toDate(), actor.describeIn(schoolId), clock.instant());
        return store.exceptions(schoolId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    public List<LetterException> exceptions(Actor actor, long schoolId) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        return store.exceptions(schoolId);
    }

    private String pupilName(LetterRow r) {
        return read(r.facts()).getOrDefault("pupil", Map.of()) instanceof Map<?, ?> pupil ? String.valueOf(pupil.get("name")) : "your child";
    }

    private static void requireIds(List<Long> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 2000) {
            throw DomainProblem.field(LetterProblem.LETTER_NOT_VALID, "letterIds", "between 1 and 2000 letter ids");
        }
    }

    private LetterRow row(long schoolId, long id) {
        return store.byId(schoolId, id).orElseThrow(() -> new DomainProblem(LetterProblem.NOT_FOUND, "No letter " + id + " at school " + schoolId));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private Map<String, Object> read(String facts) {
        try {
            return json.readValue(facts, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    LetterView view(LetterRow r, PupilView p) {
        return new LetterView(r.id(), r.schoolId(), r.pupilId(), p == null ? null : p.displayName(), r.kind(), r.triggerKey(), r.status(), r.subject(),
                r.bodyHtml(), read(r.facts()), r.asOf(), r.draftedBy(), r.draftedAt(), r.editedBy(), r.editedAt(), r.approvedBy(), r.approvedAt(),
                r.deliveredBy(), r.deliveredAt(), r.delivery(), r.suppressedReason(), r.version());
    }
}
