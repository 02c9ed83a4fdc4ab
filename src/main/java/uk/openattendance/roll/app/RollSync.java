package uk.openattendance.roll.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.platform.sync.ChangeCursor;
import uk.openattendance.platform.sync.ChangeFeeds;
import uk.openattendance.platform.sync.ChangePage;
import uk.openattendance.roll.persistence.ContactRepository;
import uk.openattendance.roll.persistence.ContactRow;
import uk.openattendance.roll.persistence.ExternalRefRepository;
import uk.openattendance.roll.persistence.ExternalRefRow;
import uk.openattendance.roll.persistence.PupilContactRepository;
import uk.openattendance.roll.persistence.PupilContactRow;
import uk.openattendance.roll.persistence.PupilRepository;
import uk.openattendance.roll.persistence.PupilRow;
import uk.openattendance.roll.persistence.RollChanges;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * The roll kept in step with a school's MIS: the MIS's own ids beside ours, bulk upserts keyed by them (or, for a
 * pupil we already hold, by UPN), and change feeds an MIS or its middleware pulls with a cursor.
 */
@Singleton
public class RollSync {

    @Introspected
    @Schema(example = "{\"pupils\": [{\"externalId\": \"MIS-100482\", \"pupil\": {\"upn\": \"A123456789012\", \"legalForename\": \"Nia\", \"legalSurname\": \"Fenwright\", \"preferredForename\": \"Nia\", \"dateOfBirth\": \"2019-03-14\", \"sex\": \"F\", \"yearGroup\": \"2\", \"registerGroupId\": 7, \"form\": \"2B\", \"startDate\": \"2023-09-04\", \"characteristics\": {\"pupilPremium\": true, \"send\": \"SEN_SUPPORT\", \"freeSchoolMeals\": true, \"eal\": false, \"lookedAfter\": false, \"childInNeed\": false, \"hasSocialWorker\": false, \"youngCarer\": false}, \"vulnerable\": false}}]}")
    public record UpsertPupils(@NotNull(message = "the pupils, each with the MIS's id") @Size(min = 1, max = 2000, message = "between 1 and 2000 pupils")
            List<@Valid @NotNull PupilEntry> pupils) {}

    @Introspected
    public record PupilEntry(@NotBlank(message = "the MIS's id for this pupil") @Size(max = 100, message = "at most 100 characters") String externalId,
            @NotNull(message = "the pupil's details, as for POST /pupils") @Valid PupilCommand pupil) {}

    @Introspected
    @Schema(example = "{\"contacts\": [{\"externalId\": \"MIS-C-20931\", \"pupilExternalId\": \"MIS-100482\", \"contact\": {\"name\": \"Rhys Fenwright\", \"relationship\": \"Father\", \"parentalResponsibility\": true, \"livesWithPupil\": true, \"priority\": 1, \"mobile\": \"07700 900123\", \"email\": \"rhys.fenwright@example.org\", \"preferredChannel\": \"SMS\", \"noContact\": false, \"language\": \"en\", \"address\": {\"line1\": \"8 Example Parade\", \"line2\": \"Symondsbury\", \"line3\": \"West Dorset\", \"town\": \"Bridport\", \"postcode\": \"DT6 3AA\"}}}]}")
    public record UpsertContacts(@NotNull(message = "the contacts, each with the MIS's id") @Size(min = 1, max = 5000, message = "between 1 and 5000 contacts")
            List<@Valid @NotNull ContactEntry> contacts) {}

    /** One contact of one pupil; the same person for two siblings is two entries with the same {@code externalId}. */
    @Introspected
    public record ContactEntry(@NotBlank(message = "the MIS's id for this person") @Size(max = 100, message = "at most 100 characters") String externalId,
            @NotBlank(message = "the MIS's id of the pupil (sent in a pupils upsert first)") String pupilExternalId,
            @NotNull(message = "the contact's details, as for POST /pupils/{id}/contacts") @Valid ContactCommand contact) {}

    @Schema(example = "{\"rows\": 2, \"created\": 1, \"updated\": 1, \"unchanged\": 0, \"ids\": {\"MIS-10442\": 42, \"MIS-10443\": 57}}")
    public record Upserted(int rows, int created, int updated, int unchanged, Map<String, Long> ids) {}

    @Schema(example = "{\"externalId\": \"MIS-100482\", \"changedAt\": \"2026-11-23T12:00:00Z\", \"pupil\": {\"id\": 42, \"schoolId\": 3, \"upn\": \"A123456789012\", \"legalForename\": \"Nia\", \"legalSurname\": \"Fenwright\", \"preferredForename\": \"Nia\", \"dateOfBirth\": \"2019-03-14\", \"sex\": \"F\", \"yearGroup\": \"2\", \"registerGroupId\": 7, \"form\": \"2B\", \"startDate\": \"2023-09-04\", \"characteristics\": {\"pupilPremium\": true, \"send\": \"SEN_SUPPORT\", \"freeSchoolMeals\": true, \"eal\": false, \"lookedAfter\": false, \"childInNeed\": false, \"hasSocialWorker\": false, \"youngCarer\": false}, \"vulnerable\": false, \"version\": 3}}")
    public record PupilChange(@Nullable String externalId, Instant changedAt, PupilView pupil) {}

    @Schema(example = "{\"externalId\": \"MIS-C-20931\", \"pupilExternalId\": \"MIS-100482\", \"changedAt\": \"2026-11-23T12:01:00Z\", \"contact\": {\"contactId\": 118, \"pupilId\": 42, \"schoolId\": 3, \"name\": \"Rhys Fenwright\", \"relationship\": \"Father\", \"parentalResponsibility\": true, \"livesWithPupil\": true, \"priority\": 1, \"mobile\": \"+447700900123\", \"email\": \"rhys.fenwright@example.org\", \"preferredChannel\": \"SMS\", \"noContact\": false, \"language\": \"en\", \"address\": {\"line1\": \"8 Example Parade\", \"line2\": \"Symondsbury\", \"line3\": \"West Dorset\", \"town\": \"Bridport\", \"postcode\": \"DT6 3AA\"}}}")
    public record ContactChange(@Nullable String externalId, @Nullable String pupilExternalId, Instant changedAt, ContactView contact) {}

    private final PupilRepository pupils;
    private final ContactRepository contacts;
    private final PupilContactRepository links;
    private final ExternalRefRepository refs;
    private final RollChanges changes;
    private final ChangeFeeds feeds;
    private final PupilService pupilService;
    private final AdmissionsRecorder admissions;
    private final ContactImporter importer;

    RollSync(PupilRepository pupils, ContactRepository contacts, PupilContactRepository links, ExternalRefRepository refs, RollChanges changes,
            ChangeFeeds feeds, PupilService pupilService, AdmissionsRecorder admissions, ContactImporter importer) {
        this.pupils = pupils;
        this.contacts = contacts;
        this.links = links;
        this.refs = refs;
        this.changes = changes;
        this.feeds = feeds;
        this.pupilService = pupilService;
        this.admissions = admissions;
        this.importer = importer;
    }

    /**
     * Creates or updates each pupil: matched by the MIS's id, or by UPN for a pupil the school already holds (whose MIS
     * id is then recorded). All or nothing: a bad entry refuses the whole request, naming each one.
     */
    @Transactional
    public Upserted upsertPupils(Actor actor, long schoolId, @Valid UpsertPupils command) {
        SchoolScope scope = actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        Map<String, Long> known = externalIds(schoolId, ExternalRefRow.PUPIL);
        Map<Long, String> knownBack = known.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        List<PupilRow> roll = pupils.findBySchoolId(schoolId);
        Map<Long, PupilRow> byId = roll.stream().collect(Collectors.toMap(PupilRow::id, Function.identity()));
        Map<String, PupilRow> byUpn = roll.stream().collect(Collectors.toMap(PupilRow::upn, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        Set<String> seenUpns = new HashSet<>();
        List<PupilRow> matched = new ArrayList<>();
        for (int i = 0; i < command.pupils().size(); i++) {
            PupilEntry e = command.pupils().get(i);
            String at = "pupils[" + i + "]";
            if (!seenIds.add(e.externalId())) {
                errors.add(new FieldError(at + ".externalId", "an id not repeated earlier in the request"));
            }
            if (!seenUpns.add(e.pupil().upn())) {
                errors.add(new FieldError(at + ".pupil.upn", "a UPN not repeated earlier in the request"));
            }
            PupilRow current = known.containsKey(e.externalId()) ? byId.get(known.get(e.externalId())) : byUpn.get(e.pupil().upn());
            if (current != null && !known.containsKey(e.externalId()) && knownBack.containsKey(current.id())) {
                errors.add(new FieldError(at + ".externalId", "the MIS id this pupil already has (" + knownBack.get(current.id()) + "), or another UPN"));
            }
            PupilRow holder = byUpn.get(e.pupil().upn());
            if (current != null && holder != null && !holder.id().equals(current.id())) {
                errors.add(new FieldError(at + ".pupil.upn", "a UPN no other pupil on the roll has"));
            }
            try {
                pupilService.checkDetails(scope, e.pupil());
            } catch (uk.openattendance.platform.problem.DomainProblem p) {
                p.errors().forEach(f -> errors.add(new FieldError(at + ".pupil." + f.field(), f.expected())));
            }
            matched.add(current);
        }
        RollImportService.rejectIfAny(errors);
        int created = 0;
        int updated = 0;
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<Long, java.time.LocalDate> admitted = new LinkedHashMap<>();
        List<ExternalRefRow> newRefs = new ArrayList<>();
        for (int i = 0; i < command.pupils().size(); i++) {
            PupilEntry e = command.pupils().get(i);
            PupilRow current = matched.get(i);
            PupilRow saved;
            if (current == null) {
                saved = pupils.save(RollMapper.row(null, schoolId, e.pupil(), null));
                admitted.put(saved.id(), e.pupil().startDate());
                created++;
            } else {
                PupilRow wanted = RollMapper.row(current.id(), schoolId, e.pupil(), current.version());
                saved = wanted.equals(current) ? current : pupils.update(wanted);
                updated += wanted.equals(current) ? 0 : 1;
            }
            if (!known.containsKey(e.externalId())) {
                newRefs.add(new ExternalRefRow(null, schoolId, ExternalRefRow.PUPIL, saved.id(), e.externalId()));
            }
            ids.put(e.externalId(), saved.id());
        }
        if (!newRefs.isEmpty()) {
            refs.saveAll(newRefs);
        }
        admissions.admittedAll(scope, admitted);
        int rows = command.pupils().size();
        return new Upserted(rows, created, updated, rows - created - updated, ids);
    }

    /**
     * Creates or updates each contact link, through the same writer as the contacts CSV import (the same person for
     * two siblings is one contact). The person is matched by the MIS's id first.
     */
    @Transactional
    public Upserted upsertContacts(Actor actor, long schoolId, @Valid UpsertContacts command) {
        actor.require(Permission.ROLL_WRITE, schoolId, "School", schoolId);
        Map<String, Long> pupilIds = externalIds(schoolId, ExternalRefRow.PUPIL);
        Map<String, Long> people = externalIds(schoolId, ExternalRefRow.CONTACT);
        List<FieldError> errors = new ArrayList<>();
        List<ContactImporter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < command.contacts().size(); i++) {
            ContactEntry e = command.contacts().get(i);
            Long pupilId = pupilIds.get(e.pupilExternalId());
            if (pupilId == null) {
                errors.add(new FieldError("contacts[" + i + "].pupilExternalId", "the MIS id of a pupil sent in a pupils upsert"));
                continue;
            }
            entries.add(new ContactImporter.Entry("contacts[" + i + "].contact.", pupilId, e.contact(), people.get(e.externalId())));
        }
        RollImportService.rejectIfAny(errors);
        ContactImporter.Written written = importer.importEntries(schoolId, entries);
        Map<String, Long> ids = new LinkedHashMap<>();
        List<ExternalRefRow> newRefs = new ArrayList<>();
        Map<Long, String> claimed = new HashMap<>();
        people.forEach((ext, id) -> claimed.put(id, ext));
        for (int i = 0; i < command.contacts().size(); i++) {
            String ext = command.contacts().get(i).externalId();
            long personId = written.personIds().get(i);
            ids.put(ext, personId);
            if (!people.containsKey(ext) && !claimed.containsKey(personId)) {
                newRefs.add(new ExternalRefRow(null, schoolId, ExternalRefRow.CONTACT, personId, ext));
                claimed.put(personId, ext);
                people.put(ext, personId);
            }
        }
        if (!newRefs.isEmpty()) {
            refs.saveAll(newRefs);
        }
        ImportReport r = written.report();
        return new Upserted(r.rows(), r.created(), r.updated(), r.unchanged(), ids);
    }

    /** Pupils changed after the cursor (or since {@code updatedSince}), oldest change first. */
    public ChangePage<PupilChange> pupilChanges(Actor actor, long schoolId, @Nullable String cursor, @Nullable Instant updatedSince, @Nullable Integer size) {
        actor.require(Permission.ROLL_READ, schoolId, "School", schoolId);
        int n = ChangeFeeds.size(size);
        ChangeCursor after = ChangeCursor.from(cursor, updatedSince);
        List<uk.openattendance.platform.sync.ChangeRows.Changed> changed = changes.pupils(schoolId, after, feeds.settleMicros(), n + 1);
        Map<Long, PupilRow> rows = pupils.findByIdIn(changed.stream().map(uk.openattendance.platform.sync.ChangeRows.Changed::id).toList()).stream()
                .collect(Collectors.toMap(PupilRow::id, Function.identity()));
        Map<Long, String> ext = externalIdsOf(schoolId, ExternalRefRow.PUPIL, rows.keySet());
        return ChangePage.of(changed, n, after, uk.openattendance.platform.sync.ChangeRows.Changed::stamp, uk.openattendance.platform.sync.ChangeRows.Changed::id,
                c -> new PupilChange(ext.get(c.id()), c.changedAt(), RollMapper.view(rows.get(c.id()))));
    }

    /** Contact links changed after the cursor: a change to the person (shared by siblings) lists each of their links. */
    public ChangePage<ContactChange> contactChanges(Actor actor, long schoolId, @Nullable String cursor, @Nullable Instant updatedSince,
            @Nullable Integer size) {
        actor.require(Permission.ROLL_READ, schoolId, "School", schoolId);
        int n = ChangeFeeds.size(size);
        ChangeCursor after = ChangeCursor.from(cursor, updatedSince);
        List<uk.openattendance.platform.sync.ChangeRows.Changed> changed = changes.contactLinks(schoolId, after, feeds.settleMicros(), n + 1);
        Map<Long, PupilContactRow> linkRows = new HashMap<>();
        links.findByIdIn(changed.stream().map(uk.openattendance.platform.sync.ChangeRows.Changed::id).toList()).forEach(l -> linkRows.put(l.id(), l));
        Map<Long, ContactRow> people = contacts.findByIdIn(linkRows.values().stream().map(PupilContactRow::contactId).distinct().toList()).stream()
                .collect(Collectors.toMap(ContactRow::id, Function.identity()));
        Map<Long, String> personExt = externalIdsOf(schoolId, ExternalRefRow.CONTACT, people.keySet());
        Map<Long, String> pupilExt = externalIdsOf(schoolId, ExternalRefRow.PUPIL, linkRows.values().stream().map(PupilContactRow::pupilId).toList());
        return ChangePage.of(changed, n, after, uk.openattendance.platform.sync.ChangeRows.Changed::stamp, uk.openattendance.platform.sync.ChangeRows.Changed::id, c -> {
            PupilContactRow link = linkRows.get(c.id());
            return new ContactChange(personExt.get(link.contactId()), pupilExt.get(link.pupilId()), c.changedAt(),
                    RollMapper.view(link, people.get(link.contactId())));
        });
    }

    /** The MIS's ids of these pupils of the scope's school (pupils without one are left out). */
    public Map<Long, String> pupilExternalIds(SchoolScope scope, java.util.Collection<Long> pupilIds) {
        return externalIdsOf(scope.schoolId(), ExternalRefRow.PUPIL, pupilIds);
    }

    private Map<String, Long> externalIds(long schoolId, String kind) {
        return refs.findBySchoolIdAndKind(schoolId, kind).stream().collect(Collectors.toMap(ExternalRefRow::externalId, ExternalRefRow::localId));
    }

    private Map<Long, String> externalIdsOf(long schoolId, String kind, java.util.Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : refs.findBySchoolIdAndKindAndLocalIdIn(schoolId, kind, ids).stream()
                .collect(Collectors.toMap(ExternalRefRow::localId, ExternalRefRow::externalId));
    }
}
