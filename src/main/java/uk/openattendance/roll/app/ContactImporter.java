package uk.openattendance.roll.app;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.roll.domain.CsvTable;
import uk.openattendance.roll.persistence.ContactRepository;
import uk.openattendance.roll.persistence.ContactRow;
import uk.openattendance.roll.persistence.PupilContactRepository;
import uk.openattendance.roll.persistence.PupilContactRow;

/**
 * Imports contacts.csv: one row per pupil-contact link, people matched by mobile (else email) so siblings share a contact.
 * Optional columns address_line1, address_line2, address_line3, town and postcode give the contact's postal address.
 */
@Singleton
class ContactImporter {
    static final List<String> REQUIRED = List.of("upn", "name", "relationship", "priority");

    private final ContactRepository contacts;
    private final PupilContactRepository links;
    private final Validator validator;

    ContactImporter(ContactRepository contacts, PupilContactRepository links, Validator validator) {
        this.contacts = contacts;
        this.links = links;
        this.validator = validator;
    }

    private record Line(int line, long pupilId, ContactCommand command, ContactService.NormalisedContact contact, Long knownPersonId) {}

    /** A contact sent as JSON (the MIS sync): its errors are named under {@code field}; {@code knownPersonId} is the person its MIS id names. */
    record Entry(String field, long pupilId, ContactCommand command, Long knownPersonId) {}

    /** What was written, and for each line in order the id of the person (contact) it is. */
    record Written(ImportReport report, List<Long> personIds) {}

    Written importEntries(long schoolId, List<Entry> entries) {
        List<FieldError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Set<String> pupilPriorities = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            try {
                ContactService.NormalisedContact n = ContactService.normalise(e.command(), e.field());
                if (!pupilPriorities.add(e.pupilId() + "/" + e.command().priority())) {
                    errors.add(new FieldError(e.field() + "priority", "a priority not given to another contact of this pupil in the request"));
                }
                lines.add(new Line(i, e.pupilId(), e.command(), n, e.knownPersonId()));
            } catch (DomainProblem p) {
                errors.addAll(p.errors());
            }
        }
        RollImportService.rejectIfAny(errors);
        return write(schoolId, lines);
    }

    ImportReport importRows(long schoolId, List<CsvTable.Row> rows, Map<String, Long> pupilIds) {
        List<FieldError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Set<String> pupilPriorities = new HashSet<>();
        for (CsvTable.Row row : rows) {
            Line line = read(row, pupilIds, errors);
            if (line != null && !pupilPriorities.add(line.pupilId() + "/" + line.command().priority())) {
                errors.add(new FieldError("line " + line.line() + ": priority", "a priority not given to another contact of this pupil in the file"));
            }
            if (line != null) {
                lines.add(line);
            }
        }
        RollImportService.rejectIfAny(errors);
        return write(schoolId, lines).report();
    }

    private Written write(long schoolId, List<Line> lines) {
        Map<String, ContactRow> people = new HashMap<>();
        Map<Long, ContactRow> byId = new HashMap<>();
        for (ContactRow c : contacts.findBySchoolId(schoolId)) {
            people.putIfAbsent(key(c.mobileE164(), c.email(), c.fullName()), c);
            byId.put(c.id(), c);
        }
        List<Long> personIds = new ArrayList<>();
        Map<String, PupilContactRow> existingLinks = new HashMap<>();
        links.findBySchoolId(schoolId).forEach(l -> existingLinks.put(l.pupilId() + "/" + l.contactId(), l));
        int created = 0;
        int updated = 0;
        // links to add are written in one batch at the end (nothing below reads them back)
        List<PupilContactRow> newLinks = new ArrayList<>();
        for (Line line : lines) {
            ContactCommand cmd = line.command();
            ContactService.NormalisedContact n = line.contact();
            String personKey = key(n.mobile(), n.email(), cmd.name().strip());
            // a person the MIS names by its id stays that person when their number or name changes
            ContactRow person = line.knownPersonId() != null && byId.containsKey(line.knownPersonId()) ? byId.get(line.knownPersonId()) : people.get(personKey);
            // a row with no address keeps the one the school holds (a file from a MIS without address columns wipes nothing)
            ContactRow wanted = new ContactRow(person == null ? null : person.id(), schoolId, cmd.name().strip(), n.mobile(), n.email(),
                    n.channel().name(), n.language(), person == null ? null : person.addressLine1(), person == null ? null : person.addressLine2(),
                    person == null ? null : person.addressLine3(), person == null ? null : person.town(), person == null ? null : person.postcode(),
                    person == null ? null : person.version());
            if (n.address() != null) {
                wanted = ContactService.withAddress(wanted, n.address());
            }
            boolean changed = false;
            if (person == null) {
                person = contacts.save(wanted);
                people.put(personKey, person);
                byId.put(person.id(), person);
                changed = true;
            } else if (!wanted.equals(person)) {
                person = contacts.update(wanted);
                people.put(personKey, person);
                byId.put(person.id(), person);
                changed = true;
            }
            personIds.add(person.id());
            PupilContactRow current = existingLinks.get(line.pupilId() + "/" + person.id());
            PupilContactRow link = new PupilContactRow(current == null ? null : current.id(), schoolId, line.pupilId(), person.id(),
                    cmd.relationship().strip(), cmd.parentalResponsibility(), cmd.livesWithPupil(), cmd.priority(), cmd.noContact());
            if (current == null) {
                newLinks.add(link);
                created++;
            } else if (!link.equals(current)) {
                links.update(link);
                updated++;
            } else if (changed) {
                updated++;
            }
        }
        if (!newLinks.isEmpty()) {
            links.saveAll(newLinks);
        }
        return new Written(new ImportReport(lines.size(), created, updated, lines.size() - created - updated), personIds);
    }

    private Line read(CsvTable.Row row, Map<String, Long> pupilIds, List<FieldError> errors) {
        String upn = row.text("upn");
        Long pupilId = upn == null ? null : pupilIds.get(upn);
        if (pupilId == null) {
            row.error("upn", "the UPN of a pupil on this school's roll (import pupils first)");
        }
        ContactCommand command = new ContactCommand(row.text("name"), row.text("relationship"), row.flag("parental_responsibility"),
                row.flag("lives_with_pupil"), row.number("priority").orElse(0), row.text("mobile"), row.text("email"),
                row.choice("preferred_channel", Channel.class, null), row.flag("no_contact"), row.text("language"),
                new AddressCommand(row.text("address_line1"), row.text("address_line2"), row.text("address_line3"), row.text("town"), row.text("postcode")));
        for (ConstraintViolation<ContactCommand> v : validator.validate(command)) {
            String path = v.getPropertyPath().toString();
            // the address's fields are the file's address_line1..3, town and postcode columns
            String column = path.startsWith("address.line") ? "address_" + path.substring("address.".length()) : path.startsWith("address.")
                    ? path.substring("address.".length()) : path.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
            row.error(column, v.getMessage());
        }
        ContactService.NormalisedContact normalised = null;
        if (row.errors().isEmpty()) {
            try {
                normalised = ContactService.normalise(command, "line " + row.line() + ": ");
            } catch (DomainProblem p) {
                row.errors().addAll(p.errors());
            }
        }
        errors.addAll(row.errors());
        return row.errors().isEmpty() ? new Line(row.line(), pupilId, command, normalised, null) : null;
    }

    private static String key(String mobile, String email, String name) {
        if (mobile != null) {
            return "m:" + mobile;
        }
        return email != null ? "e:" + email.toLowerCase() : "n:" + name.toLowerCase();
    }
}
