package uk.openattendance.letters.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.openattendance.letters.domain.LetterStatus;
import uk.openattendance.letters.domain.DefaultLetters;
import uk.openattendance.letters.domain.LetterTriggers.Decision;
import uk.openattendance.letters.domain.WantedLetter;
import uk.openattendance.letters.metrics.LetterMeters;
import uk.openattendance.letters.persistence.LetterRow;
import uk.openattendance.letters.persistence.LetterStore;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.SchoolScope;

/** Writes decided letters: merged with the school's wording, the pupil's family and letterhead, stored as DRAFT or SUPPRESSED with the reason. */
@Singleton
class LetterDrafts {
    private final LetterStore store;
    private final LetterRenderer renderer;
    private final LetterTemplates letterTemplates;
    private final ContactService contacts;
    private final ObjectMapper json;
    private final Clock clock;
    private final LetterMeters meters;

    LetterDrafts(LetterStore store, LetterRenderer renderer, LetterTemplates letterTemplates, ContactService contacts, ObjectMapper json, Clock clock,
            LetterMeters meters) {
        this.meters = meters;
        this.store = store;
        this.renderer = renderer;
        this.letterTemplates = letterTemplates;
        this.contacts = contacts;
        this.json = json;
        this.clock = clock;
    }

    /** What was written: letters inserted as drafts, as SUPPRESSED, and per template kind. */
    record Written(int drafted, int suppressed, Map<String, Integer> byKind) {
        static final Written NONE = new Written(0, 0, Map.of());
    }

    Written write(SchoolScope scope, LocalDate date, List<Decision> decisions, Map<Long, PupilView> pupils) {
        if (decisions.isEmpty()) {
            return Written.NONE;
        }
        long schoolId = scope.schoolId();
        LetterTemplates.Templates templates = letterTemplates.resolve(scope);
        Map<Long, List<ContactView>> family = contacts.contactsOfPupils(scope, decisions.stream().map(d -> d.letter().pupilId()).distinct().toList());
        String by = scope.isJob() || scope.actor().isSystem() ? "System: letter run" : scope.describe();
        List<LetterRow> rows = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        int suppressed = 0;
        for (Decision d : decisions) {
            WantedLetter w = d.letter();
            PupilView p = pupils.get(w.pupilId());
            Map<String, Object> model = LetterModel.withLetterhead(LetterModel.of(w.facts()), templates.school(), p,
                    family.getOrDefault(p.id(), List.of()), date);
            DefaultLetters.Wording wording = templates.wording(w.templateKind(), w.meetingInvitation());
            suppressed += d.drafted() ? 0 : 1;
            rows.add(new LetterRow(0, schoolId, p.id(), w.templateKind(), w.triggerKey(), d.drafted() ? LetterStatus.DRAFT : LetterStatus.SUPPRESSED,
                    renderer.merge(wording.subject(), model), renderer.merge(wording.body(), model), write(model), date, by, clock.instant(), null, null,
                    null, null, null, null, null, d.suppressedBecause(), 0));
            byKind.merge(w.templateKind(), 1, Integer::sum);
        }
        int inserted = store.insertAll(rows);
        meters.drafted("draft", Math.max(0, inserted - suppressed));
        meters.drafted("suppressed", suppressed);
        return new Written(inserted - suppressed, suppressed, byKind);
    }

    private String write(Map<String, Object> model) {
        try {
            return json.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
