package uk.openattendance.letters.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.letters.domain.LetterStatus;
import uk.openattendance.letters.domain.LetterException;
import uk.openattendance.letters.domain.WeeklyChart;
import uk.openattendance.letters.persistence.LetterPostStore;
import uk.openattendance.letters.persistence.LetterExceptionRepository;
import uk.openattendance.letters.persistence.LetterExceptionRow;
import uk.openattendance.letters.persistence.LetterRow;
import uk.openattendance.letters.persistence.LetterStore;
import uk.openattendance.letters.persistence.LetterTranslationKey;
import uk.openattendance.letters.persistence.LetterTranslationRepository;
import uk.openattendance.letters.persistence.LetterTranslationRow;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.notify.domain.ContactLanguage;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.PostalAddress;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ParentScope;
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
    private final AttendanceCharts charts;
    private final LetterPostStore post;
    private final LetterTemplates templates;
    private final LetterTranslationRepository translations;
    private final LetterExceptionRepository exceptions;

    public LetterService(LetterStore store, LetterRenderer renderer, PupilService pupils, ContactService contacts, SchoolService schools,
            SchoolDay schoolDay, Outbox outbox, ObjectMapper json, Clock clock, ApplicationEventPublisher<LettersSent> sentEvents,
            AttendanceCharts charts, LetterPostStore post, LetterTemplates templates, LetterTranslationRepository translations,
            LetterExceptionRepository exceptions) {
        this.templates = templates;
        this.translations = translations;
        this.exceptions = exceptions;
        this.charts = charts;
        this.post = post;
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

    // ---- what a family sees ----

    /** A letter as the family received it: no drafting history, no office notes. */
    @Schema(example = "{\"id\": 911, \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"kind\": \"ATTENDANCE\", \"subject\": \"Nia's attendance this year\", \"asOf\": \"2026-11-23\", \"sentAt\": \"2026-11-24T09:15:00Z\", \"delivery\": \"EMAIL\"}")
    public record FamilyLetter(long id, long pupilId, String pupilName, String kind, String subject, LocalDate asOf, java.time.Instant sentAt,
            String delivery) {}

    /**
     * Letters about the parent's own children that went out (emailed or printed for post), newest first. Drafts, approved
     * letters not yet sent and suppressed or discarded ones are the office's business until they are sent.
     */
    public List<FamilyLetter> sentToFamily(ParentScope family) {
        Map<Long, PupilView> roll = pupils.pupilsByIds(family.school(), family.pupilIds()).stream()
                .collect(Collectors.toMap(PupilView::id, Function.identity()));
        return family.pupilIds().stream().flatMap(id -> store.ofPupil(id).stream()).filter(r -> family.school().owns(r.schoolId()) && sent(r))
                .sorted(Comparator.comparing(LetterRow::id).reversed())
                .map(r -> new FamilyLetter(r.id(), r.pupilId(), roll.containsKey(r.pupilId()) ? roll.get(r.pupilId()).displayName() : null, r.kind(),
                        r.subject(), r.asOf(), r.deliveredAt(), r.delivery())).toList();
    }

    /**
     * The PDF of a letter sent about the parent's own child, as it was sent (its chart as kept then). Another family's
     * letter, or one not sent, is "not found" exactly as a letter that does not exist.
     */
    public byte[] pdfForFamily(ParentScope family, long id) {
        LetterRow r = store.byId(family.schoolId(), id).filter(l -> family.mayActFor(l.pupilId()) && sent(l))
                .orElseThrow(() -> new DomainProblem(LetterProblem.NOT_FOUND, "No letter " + id + " sent to you"));
        return renderer.pages(List.of(page(r, null, null, storedWeeks(List.of(r)).get(id), charted(r) ? charts.thresholds(r.schoolId()) : List.of())));
    }

    private static boolean sent(LetterRow r) {
        return (r.status() == LetterStatus.SENT || r.status() == LetterStatus.PRINTED) && r.deliveredAt() != null;
    }

    @Schema(example = "{\"subject\": \"Nia's attendance this year\", \"bodyHtml\": \"<p>Dear Mr and Mrs Fenwright,</p><p>Nia's attendance this school year is 94.6% (106 of 112 possible sessions, 3 September to 20 November). Our school expects at least 95%.</p><p>Please talk to us if there is anything we can help with.</p><p>Mrs A. Example, Headteacher</p>\", \"version\": 2}")
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

    @Schema(example = "{\"approved\": 2, \"notDrafts\": [913]}")
    public record Approval(int approved, List<Long> notDrafts) {}

    /** Approves drafts, singly or in bulk; ids that are not drafts of this school are listed, not approved. */
    @Transactional
    public Approval approve(Actor actor, long schoolId, List<Long> ids) {
        actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        requireIds(ids);
        List<Long> drafts = store.byIds(schoolId, ids).stream().filter(r -> r.status() == LetterStatus.DRAFT).map(LetterRow::id).toList();
        int n = store.transition(schoolId, drafts, LetterStatus.DRAFT, LetterStatus.APPROVED, actor.describeIn(schoolId), clock.instant(), true);
        return new Approval(n, ids.stream().filter(i -> !drafts.contains(i)).toList());
    }

    /** A letter whose content a decision-maker has already settled (a leave decision): approved in their name. */
    void approveAsDecided(long schoolId, long id, String decidedBy) {
        store.transition(schoolId, List.of(id), LetterStatus.DRAFT, LetterStatus.APPROVED, decidedBy, clock.instant(), true);
    }

    @Transactional
    public Approval discard(Actor actor, long schoolId, List<Long> ids) {
        actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        requireIds(ids);
        List<Long> drafts = store.byIds(schoolId, ids).stream().filter(r -> r.status() == LetterStatus.DRAFT).map(LetterRow::id).toList();
        int n = store.transition(schoolId, drafts, LetterStatus.DRAFT, LetterStatus.DISCARDED, actor.describeIn(schoolId), clock.instant(), true);
        return new Approval(n, ids.stream().filter(i -> !drafts.contains(i)).toList());
    }

    /**
     * What emailing did: letters emailed and emails queued; approved letters no parent could be emailed about
     * ({@code noEmailAddress}, still approved, for the print run); printed copies queued for parents with parental
     * responsibility who have no email but a postal address ({@code queuedForPost}); and letters with a parent who has
     * neither, whom no copy can reach until the school records one ({@code noEmailOrAddress}).
     */
    @Schema(example = "{\"letters\": 3, \"emails\": 5, \"noEmailAddress\": [913], \"queuedForPost\": 1, \"noEmailOrAddress\": []}")
    public record Emailed(int letters, int emails, List<Long> noEmailAddress, int queuedForPost, List<Long> noEmailOrAddress) {}

    /**
     * Emails approved letters as PDFs to every contact with parental responsibility who has an email address, a parent
     * who lives elsewhere included, and queues a printed copy for each such parent who has no email but a postal
     * address; a letter with no parent to email stays approved, for the print run.
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
        List<Long> unreachable = new ArrayList<>();
        List<long[]> copies = new ArrayList<>();
        int emails = 0;
        LetterTemplates.Templates wording = approved.isEmpty() ? null : templates.resolve(scope);
        for (LetterRow r : approved) {
            List<ContactView> parents = family.getOrDefault(r.pupilId(), List.of()).stream().filter(c -> c.parentalResponsibility() && !c.noContact())
                    .toList();
            List<ContactView> to = parents.stream().filter(c -> c.email() != null && !c.email().isBlank()).toList();
            for (ContactView c : parents) {
                if (c.email() == null || c.email().isBlank()) {
                    if (c.address() != null) {
                        copies.add(new long[] {r.id(), c.contactId()});
                    } else if (!unreachable.contains(r.id())) {
                        unreachable.add(r.id());
                    }
                }
            }
            if (to.isEmpty()) {
                noEmail.add(r.id());
                continue;
            }
            for (ContactView c : to) {
                // the covering email's fixed words in the contact's language where the school has them (the LETTER message template)
                String cover = outbox.renderFor(scope, uk.openattendance.notify.domain.MessagePurpose.LETTER, Map.of("contactName", c.name(),
                        "children", pupilName(r)), c.contactId()).body();
                Optional<LetterTranslationRow> own = inContactsLanguage(wording, r, c);
                String language = own.isPresent() ? ":" + ContactLanguage.normal(c.language()) : "";
                emails += outbox.enqueueEmailWithAttachment(scope, "LETTER:" + r.id(), c.contactId(), c.email(),
                        own.map(LetterTranslationRow::subject).orElse(r.subject()), cover, List.of(r.pupilId()), r.asOf(), "letter:" + r.id() + language);
            }
            sent.add(r.id());
        }
        // the chart as it stood when the letter went: the attachment is rendered later, by the outbox, from what is kept here
        chartsOf(scope, approved.stream().filter(r -> sent.contains(r.id()) || copies.stream().anyMatch(c -> c[0] == r.id())).toList(), true);
        int queued = post.queue(schoolId, copies, scope.describe(), clock.instant());
        store.markDelivered(schoolId, sent, "EMAIL", LetterStatus.SENT, scope.describe(), clock.instant());
        // letter.sent waits for the SMTP server to accept an email (LetterEmailAccepted), not for it to be queued here
        return new Emailed(sent.size(), emails, noEmail, queued, unreachable);
    }

    /** A printed copy waiting in the print queue, with where it will be posted. */
    @Schema(example = "{\"copyId\": 4021, \"letterId\": 913, \"pupilId\": 44, \"pupilName\": \"Ollie Penhallow\", \"kind\": \"ATTENDANCE\", \"contactId\": 125, \"recipient\": \"Ms J. Penhallow\", \"address\": {\"line1\": \"2 Example Row\", \"line2\": \"Bothenhampton\", \"line3\": \"West Dorset\", \"town\": \"Bridport\", \"postcode\": \"DT6 4ZZ\"}, \"queuedBy\": \"office@example.org\", \"queuedAt\": \"2026-11-24T09:16:00Z\"}")
    public record QueuedCopy(long copyId, long letterId, long pupilId, String pupilName, String kind, long contactId, String recipient,
            PostalAddress address, String queuedBy, java.time.Instant queuedAt) {}

    /** Copies queued for post (parents with parental responsibility and no email), in posting order: postcode, then name. */
    public List<QueuedCopy> printQueue(Actor actor, long schoolId) {
        SchoolScope scope = actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        return queuedCopies(scope, false).stream().map(Queued::view).toList();
    }

    /**
     * One PDF of every copy waiting in the print queue, in posting order (postcode, then name), each addressed in the
     * envelope window; the copies are recorded as printed, and a letter that had not been emailed to anyone as PRINTED.
     */
    @Transactional
    public byte[] printQueued(Actor actor, long schoolId) {
        SchoolScope scope = actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        List<Queued> queued = queuedCopies(scope, true);
        if (queued.isEmpty()) {
            throw new DomainProblem(LetterProblem.NOTHING_TO_PRINT, "No printed copies are waiting at school " + schoolId
                    + ": copies are queued when letters are emailed and a parent with parental responsibility has no email");
        }
        List<LetterRow> letters = queued.stream().map(Queued::letter).distinct().toList();
        Map<Long, List<WeeklyChart.Week>> weeks = chartsOf(scope, letters, true);
        List<WeeklyChart.Threshold> lines = charts.thresholds(schoolId);
        byte[] pdf = renderer.pages(queued.stream().map(q -> page(q.letter(), q.contact().name(), q.contact().address(), weeks.get(q.letter().id()),
                lines)).toList());
        post.markPrinted(schoolId, queued.stream().map(q -> q.copy().id()).toList(), scope.describe(), clock.instant());
        List<LetterRow> stillApproved = letters.stream().filter(r -> r.status() == LetterStatus.APPROVED).toList();
        store.markDelivered(schoolId, stillApproved.stream().map(LetterRow::id).toList(), "POST", LetterStatus.PRINTED, scope.describe(), clock.instant());
        announce(schoolId, stillApproved, "POST");
        return pdf;
    }

    private record Queued(LetterPostStore.CopyRow copy, LetterRow letter, ContactView contact, String pupilName) {
        QueuedCopy view() {
            return new QueuedCopy(copy.id(), letter.id(), letter.pupilId(), pupilName, letter.kind(), contact.contactId(), contact.name(), contact.address(),
                    copy.queuedBy(), copy.queuedAt());
        }
    }

    /** The queued copies whose letter and contact still stand (a contact's address removed since: left queued, not printed), in posting order. */
    private List<Queued> queuedCopies(SchoolScope scope, boolean lock) {
        List<LetterPostStore.CopyRow> rows = post.queued(scope.schoolId(), lock);
        Map<Long, LetterRow> letters = store.byIds(scope.schoolId(), rows.stream().map(LetterPostStore.CopyRow::letterId).distinct().toList()).stream()
                .collect(Collectors.toMap(LetterRow::id, Function.identity()));
        Map<Long, List<ContactView>> family = contacts.contactsOfPupils(scope, letters.values().stream().map(LetterRow::pupilId).distinct().toList());
        List<Queued> out = new ArrayList<>();
        for (LetterPostStore.CopyRow c : rows) {
            LetterRow r = letters.get(c.letterId());
            if (r == null || r.status() == LetterStatus.DISCARDED) {
                continue;
            }
            family.getOrDefault(r.pupilId(), List.of()).stream().filter(v -> v.contactId() == c.contactId() && v.address() != null).findFirst()
                    .ifPresent(v -> out.add(new Queued(c, r, v, pupilName(r))));
        }
        out.sort(Comparator.comparing((Queued q) -> q.contact().address(), PostalAddress.POSTING_ORDER)
                .thenComparing(q -> q.contact().name(), String.CASE_INSENSITIVE_ORDER).thenComparing(q -> q.copy().id()));
        return out;
    }

    /**
     * One PDF of approved letters for post: a copy for each parent with parental responsibility who has a postal address
     * (addressed in the envelope window), or one copy to the parents when none has, in posting order (postcode, then
     * name; copies without an address last). The letters are recorded as printed, and their queued copies with them.
     */
    @Transactional
    public byte[] printRun(Actor actor, long schoolId, List<Long> ids) {
        SchoolScope scope = actor.require(Permission.LETTERS_SEND, schoolId, "School", schoolId);
        List<LetterRow> approved = approvedAmong(scope, ids);
        if (approved.isEmpty()) {
            throw DomainProblem.field(LetterProblem.LETTER_NOT_VALID, "letterIds", "the ids of approved letters (none of these is approved)");
        }
        Map<Long, List<ContactView>> family = contacts.contactsOfPupils(scope, approved.stream().map(LetterRow::pupilId).distinct().toList());
        record Copy(LetterRow letter, String name, PostalAddress address) {}
        List<Copy> copies = new ArrayList<>();
        for (LetterRow r : approved) {
            List<ContactView> posted = family.getOrDefault(r.pupilId(), List.of()).stream().filter(c -> c.parentalResponsibility() && !c.noContact()
                    && c.address() != null).toList();
            if (posted.isEmpty()) {
                copies.add(new Copy(r, null, null));
            }
            posted.forEach(c -> copies.add(new Copy(r, c.name(), c.address())));
        }
        copies.sort(Comparator.comparing(Copy::address, PostalAddress.POSTING_ORDER).thenComparing(c -> c.name() == null ? "" : c.name(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(c -> c.letter().id()));
        Map<Long, List<WeeklyChart.Week>> weeks = chartsOf(scope, approved, true);
        List<WeeklyChart.Threshold> lines = charts.thresholds(schoolId);
        byte[] pdf = renderer.pages(copies.stream().map(c -> page(c.letter(), c.name(), c.address(), weeks.get(c.letter().id()), lines)).toList());
        List<Long> printed = approved.stream().map(LetterRow::id).toList();
        store.markDelivered(schoolId, printed, "POST", LetterStatus.PRINTED, scope.describe(), clock.instant());
        post.markLettersPrinted(schoolId, printed, scope.describe(), clock.instant());
        announce(schoolId, approved, "POST");
        return pdf;
    }

    /** The approved letters among these ids at this school, for a caller who may send letters. */
    private List<LetterRow> approvedAmong(SchoolScope scope, List<Long> ids) {
        scope.require(Permission.LETTERS_SEND);
        requireIds(ids);
        return store.byIds(scope.schoolId(), ids).stream().filter(r -> r.status() == LetterStatus.APPROVED).toList();
    }

    /** Inside the transaction that records the email carrying letter {@code id} as accepted by the SMTP server. */
    void emailAccepted(long schoolId, long id) {
        store.byIds(schoolId, List.of(id)).forEach(r -> announce(schoolId, List.of(r), "EMAIL"));
    }

    private void announce(long schoolId, List<LetterRow> letters, String delivery) {
        if (!letters.isEmpty()) {
            sentEvents.publishEvent(new LettersSent(schoolId, letters.stream().map(r -> new LettersSent.Sent(r.id(), r.pupilId(), r.kind())).toList(),
                    delivery));
        }
    }

    /** A letter's PDF as it stands (a draft's too, for review), its chart as sent or, before sending, as the register stands. */
    public byte[] pdf(Actor actor, long schoolId, long id) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Letter", id);
        LetterRow r = row(schoolId, id);
        Map<Long, List<WeeklyChart.Week>> weeks = chartsOf(scope, List.of(r), false);
        return renderer.pages(List.of(page(r, null, null, weeks.get(id), charts.thresholds(schoolId))));
    }

    /** For the outbox at sending time: the PDF of letter {@code id}, with the chart kept when it was emailed. */
    Optional<byte[]> pdfForSending(long id) {
        return pdfForSending(id, null);
    }

    /** The letter's PDF as sent to a contact in {@code language} (kept when emailed), else as approved. */
    Optional<byte[]> pdfForSending(long id, String language) {
        return store.byIdAnySchool(id).map(approved -> {
            LetterRow r = language == null ? approved : translations.findByKey(new LetterTranslationKey(id, language)).map(t -> worded(approved, t)).orElse(approved);
            return renderer.pages(List.of(page(r, null, null, storedWeeks(List.of(r)).get(id), charted(r) ? charts.thresholds(r.schoolId()) : List.of())));
        });
    }

    /**
     * The letter in the contact's language, when the school (or its trust) wrote this kind in it: merged with the same
     * facts as the approved letter and kept, so the PDF says what was sent. Empty when it goes in English.
     */
    private Optional<LetterTranslationRow> inContactsLanguage(LetterTemplates.Templates wording, LetterRow r, ContactView c) {
        String tag = ContactLanguage.normal(c.language());
        if (wording == null || tag.equals(ContactLanguage.ENGLISH)) {
            return Optional.empty();
        }
        Optional<LetterTemplates.Wording> w = wording.wordingIn(r.kind(), templates.meeting(r.schoolId(), r.kind()), tag);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        // kept under the contact's own tag, so the attachment reference names what the dispatcher will look up
        Optional<LetterTranslationRow> kept = translations.findByKey(new LetterTranslationKey(r.id(), tag));
        if (kept.isPresent()) {
            return kept;
        }
        Map<String, Object> facts = read(r.facts());
        LetterTranslationRow made = new LetterTranslationRow(new LetterTranslationKey(r.id(), tag), renderer.merge(w.get().subject(), facts),
                renderer.merge(w.get().body(), facts), clock.instant());
        translations.keep(made);
        return Optional.of(made);
    }

    private static LetterRow worded(LetterRow r, LetterTranslationRow t) {
        return new LetterRow(r.id(), r.schoolId(), r.pupilId(), r.kind(), r.triggerKey(), r.status(), t.subject(), t.bodyHtml(), r.facts(), r.asOf(),
                r.draftedBy(), r.draftedAt(), r.editedBy(), r.editedAt(), r.approvedBy(), r.approvedAt(), r.deliveredBy(), r.deliveredAt(), r.delivery(),
                r.suppressedReason(), r.version());
    }

    /** Attendance letters carry the weekly chart of their window; other kinds (evidence requests, leave decisions) do not. */
    static boolean charted(LetterRow r) {
        return r.kind().startsWith("ATTENDANCE") || r.kind().equals("IMPROVEMENT_MEETING");
    }

    /**
     * The chart weeks of these letters, by letter id: as kept when first sent, else read from the register over each
     * letter's window (and, with {@code keep}, kept, because the letter is going out now).
     */
    private Map<Long, List<WeeklyChart.Week>> chartsOf(SchoolScope scope, List<LetterRow> rows, boolean keep) {
        List<LetterRow> charted = rows.stream().filter(LetterService::charted).toList();
        Map<Long, List<WeeklyChart.Week>> out = storedWeeks(charted);
        Map<Long, AttendanceCharts.Window> windows = new java.util.HashMap<>();
        Map<Long, Long> pupilOf = new java.util.HashMap<>();
        for (LetterRow r : charted) {
            if (out.containsKey(r.id())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) read(r.facts()).getOrDefault("figures", Map.of());
            AttendanceCharts.Window w = AttendanceCharts.windowOf(figures);
            if (w != null) {
                windows.put(r.id(), w);
                pupilOf.put(r.id(), r.pupilId());
            }
        }
        if (windows.isEmpty()) {
            return out;
        }
        // one read per distinct window: a run's letters share theirs
        Map<AttendanceCharts.Window, List<Long>> byWindow = new java.util.HashMap<>();
        windows.forEach((letter, w) -> byWindow.computeIfAbsent(w, k -> new ArrayList<>()).add(letter));
        Map<Long, String> toKeep = new java.util.HashMap<>();
        byWindow.forEach((w, letters) -> {
            Map<Long, AttendanceCharts.Window> pupils = new java.util.HashMap<>();
            letters.forEach(l -> pupils.put(pupilOf.get(l), w));
            Map<Long, List<WeeklyChart.Week>> byPupil = charts.forLetters(scope, pupils);
            for (Long l : letters) {
                List<WeeklyChart.Week> weeks = byPupil.getOrDefault(pupilOf.get(l), List.of());
                out.put(l, weeks);
                toKeep.put(l, writeWeeks(weeks));
            }
        });
        if (keep) {
            post.saveCharts(scope.schoolId(), toKeep);
        }
        return out;
    }

    private Map<Long, List<WeeklyChart.Week>> storedWeeks(List<LetterRow> rows) {
        Map<Long, List<WeeklyChart.Week>> out = new java.util.HashMap<>();
        // a chart is kept only as an approved letter goes out, and nothing turns back into a draft: a draft's review needs no read
        List<Long> ids = rows.stream().filter(r -> charted(r) && r.status() != LetterStatus.DRAFT).map(LetterRow::id).toList();
        post.charts(ids).forEach((id, text) -> out.put(id, readWeeks(text)));
        return out;
    }

    private String writeWeeks(List<WeeklyChart.Week> weeks) {
        try {
            return json.writeValueAsString(weeks.stream().map(w -> Map.of("weekStart", w.weekStart().toString(), "possible", w.possible(), "attended",
                    w.attended())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WeeklyChart.Week> readWeeks(String text) {
        try {
            List<Map<String, Object>> rows = json.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
            return rows.stream().map(m -> new WeeklyChart.Week(LocalDate.parse(m.get("weekStart").toString()), ((Number) m.get("possible")).intValue(),
                    ((Number) m.get("attended")).intValue())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The letter without a chart or an address: the text parents read (tests and the benchmark compare it). */
    String page(LetterRow r) {
        LetterRenderer.LetterPage p = page(r, null, null, null, List.of());
        return p.before() + p.after();
    }

    /**
     * One copy of a letter: the school's header, the envelope window (a posted copy's recipient and address, else "To"
     * the parents), the letter's text, its weekly chart when it has one, and the sign-off.
     */
    LetterRenderer.LetterPage page(LetterRow r, String recipient, PostalAddress address, List<WeeklyChart.Week> weeks,
            List<WeeklyChart.Threshold> lines) {
        Map<String, Object> facts = read(r.facts());
        @SuppressWarnings("unchecked")
        Map<String, Object> school = (Map<String, Object>) facts.getOrDefault("school", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) facts.getOrDefault("figures", Map.of());
        String window = address == null ? renderer.merge("To {{parents}}", facts)
                : escape(recipient) + "<br/>" + String.join("<br/>", address.lines().stream().map(LetterService::escape).toList());
        String header = renderer.merge("<div class=\"top\"><div class=\"school\"><b>{{school.name}}</b><br/>{{school.address}}<br/>{{school.phone}} "
                + "{{school.email}}</div></div>", facts) + "<div class=\"window\">" + window + "</div>"
                + renderer.merge("<p class=\"date\">{{date}}</p><p>Parents and carers of {{pupil.name}}{{#if pupil.form}} ({{pupil.form}}){{/if}}</p>", facts);
        String foot = figures.containsKey("denominator") ? renderer.merge("<p class=\"foot\">Figures from {{figures.from}} to {{figures.to}}: "
                + "{{figures.denominator}}. Letter reference {{ref}}.</p>", Map.of("figures", figures, "ref", r.id())) : "<p class=\"foot\">Letter reference "
                + r.id() + ".</p>";
        String chart = null;
        if (weeks != null && charted(r)) {
            Object pupil = facts.getOrDefault("pupil", Map.of()) instanceof Map<?, ?> m ? m.get("name") : null;
            WeeklyChart.Chart c = WeeklyChart.of(pupil == null ? "your child" : pupil.toString(), weeks, lines);
            chart = "<div class=\"chart\"><p class=\"chart-title\">" + escape("Attendance week by week, " + figures.get("from") + " to " + figures.get("to")
                    + (lines.isEmpty() ? "" : " (dashed lines: the school's letter thresholds)")) + "</p>" + c.printed() + c.table() + "</div>";
        }
        return new LetterRenderer.LetterPage(header + "<h2>" + escape(r.subject()) + "</h2>" + r.bodyHtml(), chart, "<p>Yours sincerely,</p><p>"
                + escape(String.valueOf(school.getOrDefault("name", ""))) + "</p>" + foot);
    }

    // ---- exceptions ----

    @Schema(example = "{\"pupilId\": 44, \"kind\": \"ATTENDANCE\", \"reason\": \"Known medical condition: consultant's letter on file\", \"fromDate\": \"2026-09-03\", \"toDate\": \"2027-07-21\"}")
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
        LetterExceptionRow saved = exceptions.save(new LetterExceptionRow(null, schoolId, e.pupilId(), e.kind(), e.reason().strip(), from, e.toDate(),
                actor.describeIn(schoolId), clock.instant()));
        // read back, so the answer shows the times as kept (to the second), as a later list does
        return exceptions.one(schoolId, saved.id()).orElseThrow();
    }

    public List<LetterException> exceptions(Actor actor, long schoolId) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        return exceptions.ofSchool(schoolId);
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
        return new LetterView(r.id(), r.schoolId(), r.pupilId(), p == null ? null : p.displayName(), r.kind(), r.triggerKey(), r.status().name(), r.subject(),
                r.bodyHtml(), read(r.facts()), r.asOf(), r.draftedBy(), r.draftedAt(), r.editedBy(), r.editedAt(), r.approvedBy(), r.approvedAt(),
                r.deliveredBy(), r.deliveredAt(), r.delivery(), r.suppressedReason(), r.version());
    }
}
