package uk.openattendance.notify.app;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.notify.persistence.OutboxStatus;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.MessageTemplate;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.notify.persistence.NewMessage;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.secrets.SecretBox;
import uk.openattendance.notify.domain.WordingChoice;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.SchoolScope;

/**
 * How every feature sends a message: in its own transaction, it asks for a message of a purpose to a routing plan;
 * the wording is the school's template filled with the values given. Nothing is sent here; the dispatcher sends
 * after the transaction commits, so a rolled-back event never texts anyone.
 */
@Singleton
public class Outbox {
    public static final int URGENT = 1;
    public static final int NORMAL = 5;

    private final OutboxStore store;
    private final Templates templates;
    private final SchoolService schools;
    private final Clock clock;
    private final SecretBox secrets;
    private final ContactService contacts;

    public Outbox(OutboxStore store, Templates templates, SchoolService schools, Clock clock, SecretBox secrets, ContactService contacts) {
        this.contacts = contacts;
        this.store = store;
        this.templates = templates;
        this.clock = clock;
        this.schools = schools;
        this.secrets = secrets;
    }

    /**
     * One message to send. {@code key} identifies the event for this recipient (e.g. "FIRST_DAY:2026-11-23:contact 42"):
     * asking again with the same key does nothing.
     */
    public record Request(long schoolId, MessagePurpose purpose, String key, int priority, Recipients.Plan plan, Map<String, String> values,
            List<Long> pupilIds, LocalDate aboutDate) {}

    /** Enqueues the messages whose keys are new; returns how many were. Every request is for the scope's school. */
    public int enqueue(SchoolScope scope, List<Request> requests) {
        List<NewMessage> rows = new ArrayList<>();
        Map<Long, SchoolView> schoolCache = new HashMap<>();
        Map<String, WordingChoice.Chosen> templateCache = new HashMap<>();
        // each contact's own language (one read for the batch): siblings' contacts each get theirs, staff get English
        Map<Long, String> languages = contacts.languagesOf(scope, requests.stream().map(r -> r.plan().first().contactId()).filter(id -> id != 0)
                .distinct().toList());
        for (Request r : requests) {
            if (r.purpose().secret()) {
                throw new IllegalArgumentException(r.purpose() + " carries a secret: queue it with enqueueSecret, which never stores it in clear");
            }
            if (!scope.owns(r.schoolId())) {
                throw new IllegalArgumentException("A message for school " + r.schoolId() + " queued in " + scope);
            }
            SchoolView school = schoolCache.computeIfAbsent(r.schoolId(), id -> schools.school(scope));
            Recipients.Target first = r.plan().first();
            String language = languages.get(first.contactId());
            WordingChoice.Chosen t = templateCache.computeIfAbsent(r.schoolId() + "/" + r.purpose() + "/" + language,
                    k -> templates.templateFor(r.schoolId(), r.purpose(), language));
            MessageTemplate.Rendered text = t.render(values(school, r.values()));
            rows.add(new NewMessage(r.schoolId(), r.schoolId() + ":" + r.purpose() + ":" + r.key() + ":" + first.contactId(), r.purpose().name(), r.priority(),
                    first.channel().name(), first.contactId() == 0 ? null : first.contactId(), first.address(), subject(text, r.purpose()),
                    smsSafe(first.channel(), text.body()), r.pupilIds(), r.aboutDate(), r.plan().encodedFallbacks(), null, null));
        }
        return store.enqueue(rows, clock.instant());
    }

    /**
     * Queues a secret-bearing message (a one-time code). Design (issue 11): the outbox row's {@code body} holds only the
     * wording with the secret redacted, which is all staff can ever list; the wording as sent is sealed with
     * {@link SecretBox} (AES-GCM under SECRETS_KEY, a setting that is not in the database) into {@code sealed_body}. Any
     * dispatcher replica with the same setting can open it just before sending, after a delay or on a retry, and
     * the sink keeps only the redacted wording. Past {@code expiresAt} (when the code stops working) the dispatcher
     * sends nothing and wipes the sealed wording. The clear secret is never written to a table or a log. Returns 1
     * when queued, 0 when the key was already there.
     */
    public int enqueueSecret(SchoolScope scope, Request r, java.time.Instant expiresAt) {
        return enqueueSecret(scope, r, expiresAt, null);
    }

    /**
     * The same, worded in {@code language} where given (the language the parent is reading the form in), else in the
     * contact's stored language; the contact's record is not changed.
     */
    public int enqueueSecret(SchoolScope scope, Request r, java.time.Instant expiresAt, @io.micronaut.core.annotation.Nullable String language) {
        if (!scope.owns(r.schoolId())) {
            throw new IllegalArgumentException("A message for school " + r.schoolId() + " queued in " + scope);
        }
        if (!r.purpose().secret() || !r.values().containsKey(r.purpose().secretField())) {
            throw new IllegalArgumentException(r.purpose() + " needs its secret in the value '" + r.purpose().secretField() + "'");
        }
        SchoolView school = schools.school(scope);
        Recipients.Target first = r.plan().first();
        WordingChoice.Chosen t = templates.templateFor(r.schoolId(), r.purpose(), language != null ? language : languageOf(scope, first.contactId()));
        Map<String, String> hidden = new HashMap<>(r.values());
        hidden.put(r.purpose().secretField(), MessagePurpose.REDACTED);
        MessageTemplate.Rendered shown = t.render(values(school, hidden));
        String clear = smsSafe(first.channel(), t.render(values(school, r.values())).body());
        // the subject is rendered redacted even for the recipient: a mail subject is shown and indexed far and wide
        return store.enqueue(List.of(new NewMessage(r.schoolId(), r.schoolId() + ":" + r.purpose() + ":" + r.key() + ":" + first.contactId(),
                r.purpose().name(), r.priority(), first.channel().name(), first.contactId() == 0 ? null : first.contactId(), first.address(),
                subject(shown, r.purpose()), smsSafe(first.channel(), shown.body()), r.pupilIds(), r.aboutDate(), r.plan().encodedFallbacks(), null, null,
                null, secrets.seal(clear, SecretMessages.sealContext(r.schoolId(), r.purpose().name())), expiresAt)), clock.instant());
    }

    /**
     * An email whose body the caller wrote and which carries a file made at sending time ({@link Attachments}); a
     * second call with the same key for the same contact does nothing. Returns 1 when queued, 0 when already there.
     */
    public int enqueueEmailWithAttachment(SchoolScope scope, String key, long contactId, String email, String subject, String body, List<Long> pupilIds,
            LocalDate aboutDate, String attachmentRef) {
        long schoolId = scope.schoolId();
        return store.enqueue(List.of(new NewMessage(schoolId, schoolId + ":" + MessagePurpose.LETTER + ":" + key + ":" + contactId,
                MessagePurpose.LETTER.name(), NORMAL, uk.openattendance.roll.domain.Channel.EMAIL.name(), contactId, email, subject, body, pupilIds,
                aboutDate, "", null, null, attachmentRef)), clock.instant());
    }

    /** A message already queued or sent: who it went to, about which pupils, and how far it got. */
    public record Sent(long id, Recipients.Target target, List<Long> pupilIds, String status, String providerStatus, java.time.Instant sentAt, long schoolId,
            LocalDate aboutDate) {
        /** Sent and not reported failed: the family may have read it. */
        public boolean reachedFamily() {
            return OutboxStatus.valueOf(status).sent();
        }
    }

    /**
     * The schools that sent messages of one purpose to one address in the last day, newest first: which school a reply
     * from that number answers (ids only; what was sent is read with {@link #sentTo} in that school's scope).
     */
    public List<Long> schoolsThatTexted(String address, MessagePurpose purpose) {
        return store.toAddressSince(address, purpose.name(), clock.instant().minus(java.time.Duration.ofHours(24))).stream()
                .map(r -> r.schoolId()).distinct().toList();
    }

    /** Messages of one purpose from the scope's school to one address in the last day, newest first. */
    public List<Sent> sentTo(SchoolScope scope, String address, MessagePurpose purpose) {
        return store.toAddressSince(address, purpose.name(), clock.instant().minus(java.time.Duration.ofHours(24))).stream()
                .filter(r -> scope.owns(r.schoolId()))
                .map(r -> new Sent(r.id(), new Recipients.Target(r.contactId() == null ? 0 : r.contactId(), Channel.valueOf(r.channel()), r.recipient()),
                        r.pupils(), r.status().name(), r.providerStatus(), r.sentAt(), r.schoolId(), r.aboutDate())).toList();
    }

    /** Messages of one purpose about one school day, oldest first. */
    public List<Sent> sentAbout(SchoolScope scope, LocalDate day, MessagePurpose purpose) {
        return store.aboutDay(scope.schoolId(), day, purpose.name()).stream().map(r -> new Sent(r.id(), new Recipients.Target(r.contactId() == null ? 0
                : r.contactId(), Channel.valueOf(r.channel()), r.recipient()), r.pupils(), r.status().name(), r.providerStatus(), r.sentAt(), r.schoolId(),
                r.aboutDate())).toList();
    }

    @Schema(example = "{\"id\": 3301, \"purpose\": \"FIRST_DAY_ABSENCE\", \"channel\": \"SMS\", \"to\": \"+447700900123\", \"body\": \"Example Hill Primary: Nia not in school today (Mon 23 Nov) and we have not heard why. Please reply with the reason, or call 020 7946 0000.\", \"encoding\": \"GSM-7\", \"smsSegments\": 1, \"pupilIds\": [42], \"aboutDate\": \"2026-11-23\", \"status\": \"DELIVERED\", \"attempts\": 1, \"providerId\": \"SM8f2b0c1d3e\", \"providerStatus\": \"delivered\", \"createdAt\": \"2026-11-23T09:40:00Z\", \"sentAt\": \"2026-11-23T09:40:01Z\"}")
    public record MessageView(long id, String purpose, String channel, String to, @Nullable String subject, String body, String encoding, Integer smsSegments,
            java.util.List<Long> pupilIds, LocalDate aboutDate, String status, int attempts, String providerId, String providerStatus, @Nullable String lastError,
            java.time.Instant createdAt, java.time.Instant sentAt, @Nullable Long fallbackFor,
            /* whose message it is, for its GraphQL global id; REST's path names the school already */
            @com.fasterxml.jackson.annotation.JsonIgnore @Schema(hidden = true) long schoolId) {}

    /**
     * What the school sent or is about to send, newest first, with each message's state and cost in SMS segments.
     * Secret-bearing messages are listed only to the school's administrators, and then redacted ({@link SecretMessages}).
     */
    public List<MessageView> messages(Actor actor, long schoolId, LocalDate aboutDate, MessagePurpose purpose, int page, int size) {
        actor.require(uk.openattendance.security.Permission.ROLL_READ, schoolId, "School", schoolId);
        return store.ofSchool(schoolId, aboutDate, purpose == null ? null : purpose.name(), SecretMessages.hiddenFrom(actor, schoolId), page * size, size)
                .stream().map(Outbox::view).toList();
    }

    /**
     * One message of {@link #messages}, with the same permission and the same secret-bearing messages left out: another
     * school's message, or one this caller's list does not show, is not found.
     */
    public MessageView message(Actor actor, long schoolId, long id) {
        actor.require(uk.openattendance.security.Permission.ROLL_READ, schoolId, "School", schoolId);
        java.util.Collection<String> hidden = SecretMessages.hiddenFrom(actor, schoolId);
        return store.byIds(List.of(id)).stream().filter(r -> r.schoolId() == schoolId && !hidden.contains(r.purpose())).findFirst().map(Outbox::view)
                .orElseThrow(() -> uk.openattendance.platform.problem.CommonProblem.notFound("Message", id));
    }

    private static MessageView view(uk.openattendance.notify.persistence.OutboxRow r) {
        var count = r.channel().equals("SMS") ? uk.openattendance.notify.domain.SmsSegments.of(r.body()) : null;
        return new MessageView(r.id(), r.purpose(), r.channel(), r.recipient(), r.subject(), r.body(), count == null ? null : count.encoding(),
                count == null ? null : count.segments(), r.pupils(), r.aboutDate(), r.status().name(), r.attempts(), r.providerId(), r.providerStatus(),
                r.lastError(), r.createdAt(), r.sentAt(), r.fallbackFor(), r.schoolId());
    }

    /** How many messages {@link #messages} lists across its pages (secret-bearing ones counted only where they are listed). */
    public long countMessages(Actor actor, long schoolId, LocalDate aboutDate, MessagePurpose purpose) {
        actor.require(uk.openattendance.security.Permission.ROLL_READ, schoolId, "School", schoolId);
        return store.countOfSchool(schoolId, aboutDate, purpose == null ? null : purpose.name(), SecretMessages.hiddenFrom(actor, schoolId));
    }

    /** A text or email as the parent received it. */
    @Schema(example = "{\"id\": 3301, \"purpose\": \"FIRST_DAY_ABSENCE\", \"channel\": \"SMS\", \"to\": \"+447700900123\", \"subject\": null, \"body\": \"Example Hill Primary: Nia not in school today (Mon 23 Nov) and we have not heard why. Please reply with the reason, or call 020 7946 0000.\", \"pupilIds\": [42], \"aboutDate\": \"2026-11-23\", \"status\": \"DELIVERED\", \"sentAt\": \"2026-11-23T09:30:01Z\"}")
    public record FamilyMessage(long id, String purpose, String channel, String to, @Nullable String subject, String body, java.util.List<Long> pupilIds,
            LocalDate aboutDate, String status, java.time.Instant sentAt) {}

    /**
     * Texts and emails the school sent to the signed-in parent, newest first (the last 200). Their one-time sign-in codes
     * are left out: the code is wiped once sent, and a list of them says nothing a parent needs.
     */
    public List<FamilyMessage> sentToFamily(uk.openattendance.security.ParentScope family) {
        return store.sentToContact(family.schoolId(), family.contactId(), SecretMessages.PURPOSES, 200).stream()
                .map(r -> new FamilyMessage(r.id(), r.purpose(), r.channel(), r.recipient(), r.subject(), r.body(), r.pupils(), r.aboutDate(), r.status().name(),
                        r.sentAt())).toList();
    }

    /** Renders what a template would say for this school in English, e.g. for a reply to a number no contact has. */
    public String render(SchoolScope scope, MessagePurpose purpose, Map<String, String> values) {
        return render(scope, purpose, values, 0);
    }

    /**
     * Renders what a template would say for this school to one contact, in the contact's language where the school has
     * wording in it (e.g. to rewrite a message whose children changed, or to answer a reply); contact 0 is English.
     */
    public String render(SchoolScope scope, MessagePurpose purpose, Map<String, String> values, long contactId) {
        // the school's name, the contact's language and the wording read afresh (three indexed reads), so a change on
        // another replica shows at once
        return templates.templateFor(scope.schoolId(), purpose, languageOf(scope, contactId)).render(values(schools.school(scope), values)).body();
    }

    /** An email's fixed wording (subject and body) for one contact, in their language where the school has it. */
    public MessageTemplate.Rendered renderFor(SchoolScope scope, MessagePurpose purpose, Map<String, String> values, long contactId) {
        return templates.templateFor(scope.schoolId(), purpose, languageOf(scope, contactId)).render(values(schools.school(scope), values));
    }

    private String languageOf(SchoolScope scope, long contactId) {
        return contactId == 0 ? null : contacts.languagesOf(scope, List.of(contactId)).get(contactId);
    }

    private static Map<String, String> values(SchoolView school, Map<String, String> given) {
        Map<String, String> v = new HashMap<>();
        v.put("school", school.name());
        v.put("schoolPhone", school.phone() == null ? "the school office" : school.phone());
        v.putAll(given);
        return v;
    }

    private static String subject(MessageTemplate.Rendered text, MessagePurpose purpose) {
        return text.subject() != null ? text.subject() : purpose.name().replace('_', ' ').toLowerCase();
    }

    private static String smsSafe(Channel channel, String body) {
        if (channel == Channel.SMS && body.length() > OutgoingMessage.SMS_MAX_LENGTH) {
            return body.substring(0, OutgoingMessage.SMS_MAX_LENGTH - 1) + "…";
        }
        return body;
    }
}
