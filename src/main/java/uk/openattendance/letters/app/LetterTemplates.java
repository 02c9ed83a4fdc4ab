package uk.openattendance.letters.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.openattendance.letters.domain.DefaultLetters;
import uk.openattendance.letters.domain.LetterKind;
import uk.openattendance.letters.persistence.LetterTemplateOwner;
import uk.openattendance.letters.persistence.LetterTemplateRepository;
import uk.openattendance.letters.persistence.LetterTemplateRow;
import uk.openattendance.notify.domain.ContactLanguage;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.domain.LetterLevel;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** Letter wording per school with trust defaults, checked when saved, and resolved school > trust > built-in when a letter is drafted. */
@Singleton
public class LetterTemplates {
    private final LetterTemplateRepository store;
    private final LetterRenderer renderer;
    private final SchoolService schools;
    private final SchoolDay schoolDay;
    private final Clock clock;

    public LetterTemplates(LetterTemplateRepository store, LetterRenderer renderer, SchoolService schools, SchoolDay schoolDay, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.schools = schools;
        this.schoolDay = schoolDay;
        this.clock = clock;
    }

    /**
     * A school's letter wording: English as before (its own, its trust's, built-in), and per other language only what
     * the school or trust wrote in it ({@code ownIn}/{@code trustIn}, by language tag, then kind). We ship no letters in
     * other languages: a letter is a formal document a school must stand behind, so it goes in English unless the
     * school has its own wording in the contact's language.
     */
    record Templates(SchoolView school, Map<String, LetterTemplateRow> own, Map<String, LetterTemplateRow> trust,
            Map<String, Map<String, LetterTemplateRow>> ownIn, Map<String, Map<String, LetterTemplateRow>> trustIn) {
        DefaultLetters.Wording wording(String kind, boolean meeting) {
            LetterTemplateRow t = pick(own, trust, kind, meeting);
            return t != null ? new DefaultLetters.Wording(t.subject(), t.body()) : DefaultLetters.of(kind, meeting);
        }

        /** The school's (else its trust's) wording of this kind in the contact's language, if either wrote one; else empty: English. */
        Optional<Wording> wordingIn(String kind, boolean meeting, String contactLanguage) {
            for (String tag : ContactLanguage.candidates(contactLanguage)) {
                if (tag.equals(ContactLanguage.ENGLISH)) {
                    break;
                }
                LetterTemplateRow t = pick(ownIn.getOrDefault(tag, Map.of()), trustIn.getOrDefault(tag, Map.of()), kind, meeting);
                if (t != null) {
                    return Optional.of(new Wording(tag, t.subject(), t.body()));
                }
            }
            return Optional.empty();
        }

        private static LetterTemplateRow pick(Map<String, LetterTemplateRow> own, Map<String, LetterTemplateRow> trust, String kind,
                boolean meeting) {
            LetterTemplateRow t = own.containsKey(kind) ? own.get(kind) : trust.get(kind);
            if (t == null && kind.startsWith("ATTENDANCE_")) {
                String general = meeting ? "ATTENDANCE_MEETING" : "ATTENDANCE";
                t = own.containsKey(general) ? own.get(general) : trust.get(general);
            }
            return t;
        }
    }

    /** A letter's wording in one language other than English. */
    record Wording(String language, String subject, String body) {}

    /** The wording this school's letters use: its own, else its trust's, else the built-in; per language, its own or its trust's. */
    Templates resolve(SchoolScope scope) {
        long schoolId = scope.schoolId();
        SchoolView school = schools.school(scope);
        long trustId = school.trustId() == null ? 0 : school.trustId();
        Map<String, LetterTemplateRow> own = new HashMap<>();
        Map<String, LetterTemplateRow> trust = new HashMap<>();
        Map<String, Map<String, LetterTemplateRow>> ownIn = new HashMap<>();
        Map<String, Map<String, LetterTemplateRow>> trustIn = new HashMap<>();
        for (LetterTemplateRow t : store.ofSchoolAndTrust(schoolId, trustId)) {
            boolean mine = t.ownerType() == LetterTemplateOwner.SCHOOL;
            String l = ContactLanguage.normal(t.language());
            if (l.equals(ContactLanguage.ENGLISH)) {
                (mine ? own : trust).put(t.kind(), t);
            } else {
                (mine ? ownIn : trustIn).computeIfAbsent(l, k -> new HashMap<>()).put(t.kind(), t);
            }
        }
        return new Templates(school, own, trust, ownIn, trustIn);
    }

    /** Whether a letter of this kind at this school invites the family to a meeting (which general wording it falls back to). */
    boolean meeting(long schoolId, String kind) {
        return kind.equals("ATTENDANCE_MEETING") || schoolDay.policy(schoolId).letters().levels().stream()
                .anyMatch(l -> kind.equals("ATTENDANCE_" + l.key()) && l.meetingInvitation());
    }

    @Schema(example = "{\"kind\": \"PUNCTUALITY\", \"language\": \"en\", \"subject\": \"{{pupil.forename}} and the morning bell\", \"body\": \"<p>Dear {{parent.name}},</p><p>{{pupil.forename}} has been late {{figures.unauthorisedLates}} times after the register closed this term.</p>\", \"source\": \"SCHOOL\", \"updatedBy\": \"head@example.org\"}")
    public record TemplateView(String kind, String language, String subject, String body, String source, String updatedBy) {}

    /**
     * Every kind's wording as this school's letters would use it, and where it comes from (SCHOOL, TRUST or BUILT_IN).
     * With a {@code language} other than English: the school's or trust's wording in it where written, else the English
     * the letter would go in (its {@code language} says which).
     */
    public List<TemplateView> templates(Actor actor, long schoolId, String language) {
        Templates t = resolve(actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId));
        String wanted = tag(language);
        List<String> kinds = new ArrayList<>(List.of("ATTENDANCE", "ATTENDANCE_MEETING"));
        for (LetterLevel l : schoolDay.policy(schoolId).letters().levels()) {
            kinds.add("ATTENDANCE_" + l.key());
        }
        for (LetterKind k : LetterKind.values()) {
            if (k != LetterKind.ATTENDANCE) {
                kinds.add(k.name());
            }
        }
        return kinds.stream().map(k -> {
            boolean meeting = meeting(schoolId, k);
            if (!wanted.equals(ContactLanguage.ENGLISH)) {
                Map<String, LetterTemplateRow> own = t.ownIn().getOrDefault(wanted, Map.of());
                LetterTemplateRow row = own.containsKey(k) ? own.get(k) : t.trustIn().getOrDefault(wanted, Map.of()).get(k);
                Optional<Wording> w = t.wordingIn(k, meeting, wanted);
                if (w.isPresent()) {
                    return new TemplateView(k, w.get().language(), w.get().subject(), w.get().body(), row == null ? "SCHOOL" : row.ownerType().name(),
                            row == null ? null : row.updatedBy());
                }
            }
            LetterTemplateRow row = t.own().containsKey(k) ? t.own().get(k) : t.trust().get(k);
            DefaultLetters.Wording w = t.wording(k, meeting);
            return new TemplateView(k, ContactLanguage.ENGLISH, w.subject(), w.body(), row == null ? "BUILT_IN" : row.ownerType().name(),
                    row == null ? null : row.updatedBy());
        }).toList();
    }

    @Schema(example = "{\"subject\": \"{{pupil.forename}} and the morning bell\", \"body\": \"<p>Dear {{parent.name}},</p><p>{{pupil.forename}} has been late {{figures.unauthorisedLates}} times after the register closed this term.</p>\"}")
    public record SaveTemplate(String subject, String body) {}

    @Transactional
    public TemplateView saveSchoolTemplate(Actor actor, long schoolId, String kind, String language, SaveTemplate t) {
        actor.require(Permission.SCHOOL_ADMIN, schoolId, "School", schoolId);
        return save(actor, LetterTemplateOwner.SCHOOL, schoolId, kind, tag(language), t, actor.describeIn(schoolId));
    }

    @Transactional
    public TemplateView saveTrustTemplate(Actor actor, long trustId, String kind, String language, SaveTemplate t) {
        if (!actor.administersTrust(trustId)) {
            throw CommonProblem.notFound("Trust", trustId); // as for a school: a trust the caller has no standing in is not found
        }
        return save(actor, LetterTemplateOwner.TRUST, trustId, kind, tag(language), t, actor.name() + " (trust administrator)");
    }

    private TemplateView save(Actor actor, LetterTemplateOwner ownerType, long ownerId, String kind, String language, SaveTemplate t, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !kind.matches("[A-Z0-9_]{3,60}") || !(kind.startsWith("ATTENDANCE") || isKind(kind))) {
            errors.add(new FieldError("kind", "ATTENDANCE, ATTENDANCE_MEETING, ATTENDANCE_<level key> or one of MEDICAL_EVIDENCE, PUNCTUALITY, "
                    + "PENALTY_WARNING, LEAVE_DECISION, IMPROVEMENT_MEETING, START_OF_YEAR"));
        }
        if (t == null || t.subject() == null || t.subject().isBlank() || t.subject().length() > 200) {
            errors.add(new FieldError("subject", "a subject of 1 to 200 characters"));
        } else {
            errors.addAll(renderer.check("subject", t.subject()));
        }
        if (t == null || t.body() == null || t.body().isBlank() || t.body().length() > 50_000) {
            errors.add(new FieldError("body", "the letter's text, up to 50,000 characters"));
        } else {
            errors.addAll(renderer.check("body", t.body()));
            errors.addAll(renderer.unsafe("body", t.body(), true));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(LetterProblem.TEMPLATE_NOT_VALID, "Template not saved: " + errors.get(0).field() + ": " + errors.get(0).expected(), errors);
        }
        store.save(ownerType, ownerId, kind, language, t.subject().strip(), t.body(), by, clock.instant());
        return new TemplateView(kind, language, t.subject().strip(), t.body(), ownerType.name(), by);
    }

    /** A language tag from a request, normalised; absent is English. */
    static String tag(String language) {
        return ContactLanguage.tag(language).orElseThrow(() -> DomainProblem.field(LetterProblem.TEMPLATE_NOT_VALID, "language",
                "a language tag such as en, pl, ur, ro or cy"));
    }

    static boolean isKind(String kind) {
        for (LetterKind k : LetterKind.values()) {
            if (k.name().equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
