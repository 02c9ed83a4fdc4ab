package uk.openattendance.notify.app;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.notify.domain.ContactLanguage;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.MessageTemplate;
import uk.openattendance.notify.domain.ShippedWording;
import uk.openattendance.notify.domain.SmsSegments;
import uk.openattendance.notify.domain.WordingChoice;
import uk.openattendance.notify.persistence.MessageTemplateKey;
import uk.openattendance.notify.persistence.MessageTemplateRepository;
import uk.openattendance.notify.persistence.MessageTemplateReviewRepository;
import uk.openattendance.notify.persistence.MessageTemplateReviewRow;
import uk.openattendance.notify.persistence.MessageTemplateRow;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;

/**
 * Each school's wording of every message in each language, falling back to ours; shown with the SMS segments a typical
 * text costs, and, for wording we ship that a machine made, whether someone at the school has read and approved it.
 */
@Singleton
public class Templates {
    private final MessageTemplateRepository store;
    private final MessageTemplateReviewRepository reviews;
    private final Clock clock;

    public Templates(MessageTemplateRepository store, MessageTemplateReviewRepository reviews, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * One message in one language as this school sends it. {@code machineMade}: the words are our machine-made
     * translation; {@code needsReview}: they are, and nobody at the school has approved this exact wording yet.
     */
    @Schema(example = "{\"purpose\": \"FIRST_DAY_ABSENCE\", \"language\": \"en\", \"subject\": \"{{children}} not in school today\", \"body\": \"{{school}}: {{children}} not in school today ({{date}}) and we have not heard why. Please reply with the reason, or call {{schoolPhone}}.\", \"schoolWording\": false, \"example\": \"Example Hill Primary: Nia not in school today (Mon 23 Nov) and we have not heard why. Please reply with the reason, or call 020 7946 0000.\", \"encoding\": \"GSM-7\", \"smsSegments\": 1, \"updatedBy\": \"service\", \"machineMade\": false, \"needsReview\": false}")
    public record TemplateView(MessagePurpose purpose, String language, String subject, String body, boolean schoolWording, String example,
            String encoding, int smsSegments, String updatedBy, boolean machineMade, boolean needsReview, @Nullable String reviewedBy, @Nullable Instant reviewedAt) {}

    @Schema(example = "{\"subject\": \"{{children}} not in school today\", \"body\": \"{{school}}: {{children}} not in school today ({{date}}) and we have not heard why. Please reply with the reason, or call {{schoolPhone}}.\"}")
    public record SaveTemplate(String subject, String body) {}

    /** Sample values for showing what a parent reads and how many segments it costs. */
    static final Map<String, String> EXAMPLE = Map.ofEntries(Map.entry("children", "Amelia Testpupil"), Map.entry("school", "Example Primary"),
            Map.entry("schoolPhone", "01632 960000"), Map.entry("date", "Mon 23 Nov"), Map.entry("session", "morning"),
            Map.entry("minutesLate", "12"), Map.entry("code", "481 326"), Map.entry("percent", "98.5"), Map.entry("window", "half term"),
            Map.entry("points", "4"), Map.entry("reply", "We hope they feel better soon."), Map.entry("contactName", "Sam Testparent"));

    /**
     * Every message's wording: in English, and for messages to families in each language we ship and each the school has
     * written its own wording in. {@code language} (optional) lists one language only.
     */
    public List<TemplateView> templates(Actor actor, long schoolId, String language) {
        actor.require(Permission.SCHOOL_READ, schoolId, "School", schoolId);
        String only = language == null || language.isBlank() ? null : tag(language);
        Map<String, MessageTemplateRow> own = new HashMap<>();
        Set<String> languages = new LinkedHashSet<>();
        languages.add(ContactLanguage.ENGLISH);
        languages.addAll(ShippedWording.LANGUAGES);
        for (MessageTemplateRow r : store.findByKeySchoolId(schoolId)) {
            own.put(r.key().purpose() + "/" + r.key().language(), r);
            languages.add(r.key().language());
        }
        Map<String, MessageTemplateReviewRow> approvals = new HashMap<>();
        reviews.findByKeySchoolId(schoolId).forEach(r -> approvals.put(r.key().purpose() + "/" + r.key().language(), r));
        List<TemplateView> out = new ArrayList<>();
        for (MessagePurpose p : MessagePurpose.values()) {
            for (String l : languages) {
                if (only != null && !only.equals(l)) {
                    continue;
                }
                MessageTemplateRow row = own.get(p.name() + "/" + l);
                boolean shownInOtherLanguages = p.toFamilies() || row != null;
                if (!l.equals(ContactLanguage.ENGLISH) && !shownInOtherLanguages) {
                    continue; // alerts to staff and social workers go in English
                }
                view(p, l, row, approvals.get(p.name() + "/" + l)).ifPresent(out::add);
            }
        }
        return out;
    }

    public TemplateView save(Actor actor, long schoolId, MessagePurpose purpose, String language, SaveTemplate command) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        String l = tag(language);
        if (command == null || command.body() == null) {
            throw DomainProblem.field(NotifyProblem.TEMPLATE_NOT_VALID, "body", "the wording of the message");
        }
        MessageTemplate t = new MessageTemplate(purpose, command.subject(), command.body());
        List<String> problems = t.problems();
        if (command.body().length() > 1000 || (command.subject() != null && command.subject().length() > 200)) {
            problems = new ArrayList<>(problems);
            problems.add("a body of at most 1000 characters and a subject of at most 200");
        }
        if (!problems.isEmpty()) {
            throw new DomainProblem(NotifyProblem.TEMPLATE_NOT_VALID, "The wording cannot be used: " + problems.get(0),
                    problems.stream().map(p -> new FieldError("body", p)).toList());
        }
        String by = actor.describeIn(schoolId);
        Instant now = clock.instant();
        store.save(schoolId, purpose.name(), l, command.subject(), command.body(), by, now);
        return view(purpose, l, new MessageTemplateRow(new MessageTemplateKey(schoolId, purpose.name(), l), command.subject(), command.body(), by, now), null)
                .orElseThrow();
    }

    /** Back to the wording we ship in that language (or English, where we ship none); an approval of ours stays as it was. */
    public TemplateView reset(Actor actor, long schoolId, MessagePurpose purpose, String language) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        String l = tag(language);
        MessageTemplateKey key = new MessageTemplateKey(schoolId, purpose.name(), l);
        store.deleteByKey(key);
        Optional<TemplateView> shipped = view(purpose, l, null, reviews.findByKey(key).orElse(null));
        return shipped.orElseGet(() -> view(purpose, ContactLanguage.ENGLISH, null, null).orElseThrow());
    }

    /**
     * Someone at the school who reads the language approves our machine-made wording as it stands: it stops being
     * listed as needing review until a later release changes those words. The school's own wording needs no approval.
     */
    public TemplateView markReviewed(Actor actor, long schoolId, MessagePurpose purpose, String language) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        String l = tag(language);
        Optional<MessageTemplateRow> own = store.findByKey(new MessageTemplateKey(schoolId, purpose.name(), l));
        if (own.isPresent()) {
            return view(purpose, l, own.get(), null).orElseThrow();
        }
        MessageTemplate shipped = ShippedWording.of(purpose, l).filter(t -> ShippedWording.machineMade(l)).orElseThrow(() -> DomainProblem.field(
                NotifyProblem.TEMPLATE_NOT_VALID, "language", "a language we ship machine-made wording of " + purpose + " in: "
                        + String.join(", ", ShippedWording.LANGUAGES)));
        String by = actor.describeIn(schoolId);
        Instant now = clock.instant();
        reviews.save(schoolId, purpose.name(), l, sha(shipped), by, now);
        return view(purpose, l, null, new MessageTemplateReviewRow(new MessageTemplateKey(schoolId, purpose.name(), l), sha(shipped), by, now)).orElseThrow();
    }

    /** The wording a message of this purpose to a contact with this language uses at this school now. */
    WordingChoice.Chosen templateFor(long schoolId, MessagePurpose purpose, String language) {
        // read afresh each time, never kept: a batch of messages asks once per purpose and language (Outbox.enqueue), so
        // keeping the wording would save one indexed read per batch and be wrong on the other replicas after a save (issue 14)
        Map<String, MessageTemplate> own = new HashMap<>();
        store.findByKeySchoolId(schoolId).stream().filter(r -> r.key().purpose().equals(purpose.name()))
                .forEach(r -> own.put(r.key().language(), new MessageTemplate(purpose, r.subject(), r.body())));
        return WordingChoice.choose(purpose, language, own);
    }

    private static Optional<TemplateView> view(MessagePurpose p, String language, MessageTemplateRow own, MessageTemplateReviewRow review) {
        if (own != null) {
            MessageTemplate t = new MessageTemplate(p, own.subject(), own.body());
            // the school wrote these words itself: they are its own reviewed wording, by whoever saved them
            return Optional.of(view(t, language, true, own.updatedBy(), false, false, own.updatedBy(), own.updatedAt()));
        }
        return ShippedWording.of(p, language).map(t -> {
            boolean machine = ShippedWording.machineMade(language);
            boolean approved = review != null && review.wordingSha().equals(sha(t));
            return view(t, language, false, null, machine, machine && !approved, approved ? review.reviewedBy() : null,
                    approved ? review.reviewedAt() : null);
        });
    }

    private static TemplateView view(MessageTemplate t, String language, boolean own, String by, boolean machine, boolean needsReview, String reviewedBy,
            Instant reviewedAt) {
        String example = new WordingChoice.Chosen(t, language, own ? WordingChoice.Source.SCHOOL : WordingChoice.Source.SHIPPED).render(EXAMPLE).body();
        SmsSegments.Count count = SmsSegments.of(example);
        return new TemplateView(t.purpose(), language, t.subject(), t.body(), own, example, count.encoding(), count.segments(), by, machine,
                needsReview, reviewedBy, reviewedAt);
    }

    /** A language tag from a request, normalised; absent is English. */
    static String tag(String language) {
        return ContactLanguage.tag(language).orElseThrow(() -> DomainProblem.field(NotifyProblem.TEMPLATE_NOT_VALID, "language",
                "a language tag such as en, pl, ur, ro or cy"));
    }

    static String sha(MessageTemplate t) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(((t.subject() == null ? "" : t.subject()) + "\n" + t.body())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
