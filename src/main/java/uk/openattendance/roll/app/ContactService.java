package uk.openattendance.roll.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.platform.problem.ProblemCode;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.roll.domain.PostalAddress;
import uk.openattendance.roll.domain.MobileNumber;
import uk.openattendance.roll.persistence.ContactRepository;
import uk.openattendance.roll.persistence.ContactRow;
import uk.openattendance.roll.persistence.PupilContactRepository;
import uk.openattendance.roll.persistence.PupilContactRow;
import uk.openattendance.roll.persistence.PupilRow;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Contacts are people known to the school; siblings share them. A contact added with a mobile or email the school
 * already holds is the same person, so one text can later reach a family about all its children.
 */
@Singleton
public class ContactService {
    private final ContactRepository contacts;
    private final PupilContactRepository links;
    private final PupilService pupils;

    public ContactService(ContactRepository contacts, PupilContactRepository links, PupilService pupils) {
        this.contacts = contacts;
        this.links = links;
        this.pupils = pupils;
    }

    @Transactional
    public ContactView addContact(Actor actor, long schoolId, long pupilId, @Valid ContactCommand command) {
        SchoolScope scope = actor.require(Permission.ROLL_WRITE, schoolId, "Pupil", pupilId);
        PupilRow pupil = pupils.row(scope, pupilId);
        NormalisedContact c = normalise(command, "");
        List<PupilContactRow> existing = links.findByPupilIdInOrderByPriority(List.of(pupilId));
        if (existing.stream().anyMatch(l -> l.priority() == command.priority())) {
            throw DomainProblem.field(RollProblem.CONTACT_NOT_VALID, "priority", "a priority no other contact of this pupil has");
        }
        ContactRow contact = findSamePerson(schoolId, c).map(same -> c.address() == null ? same : contacts.update(withAddress(same, c.address())))
                .orElseGet(() -> contacts.save(withAddress(new ContactRow(null, schoolId, command.name().strip(), c.mobile(), c.email(), c.channel().name(),
                        c.language(), null, null, null, null, null, null), c.address())));
        if (existing.stream().anyMatch(l -> l.contactId() == contact.id())) {
            throw DomainProblem.field(RollProblem.CONTACT_NOT_VALID, "mobile", "a contact not already linked to this pupil");
        }
        PupilContactRow link = links.save(new PupilContactRow(null, schoolId, pupil.id(), contact.id(), command.relationship().strip(),
                command.parentalResponsibility(), command.livesWithPupil(), command.priority(), command.noContact()));
        return RollMapper.view(link, contact);
    }

    /**
     * Sets (or, with every field blank, removes) the postal address of one of this pupil's contacts. The address is the
     * person's, so it changes for their other children at the school too.
     */
    @Transactional
    public ContactView setAddress(Actor actor, long schoolId, long pupilId, long contactId, @Valid AddressCommand command) {
        SchoolScope scope = actor.require(Permission.ROLL_WRITE, schoolId, "Pupil", pupilId);
        pupils.row(scope, pupilId);
        requireContactOf(scope, List.of(pupilId), contactId, RollProblem.CONTACT_NOT_VALID, "contactId");
        PostalAddress address = command == null ? null : address(command, "address.");
        ContactRow row = contacts.findById(contactId).orElseThrow();
        contacts.update(withAddress(row, address));
        return contactsOf(scope, pupilId).stream().filter(v -> v.contactId() == contactId).findFirst().orElseThrow();
    }

    static ContactRow withAddress(ContactRow r, PostalAddress a) {
        return new ContactRow(r.id(), r.schoolId(), r.fullName(), r.mobileE164(), r.email(), r.preferredChannel(), r.language(),
                a == null ? null : a.line1(), a == null ? null : a.line2(), a == null ? null : a.line3(), a == null ? null : a.town(),
                a == null ? null : a.postcode(), r.version());
    }

    /**
     * An address as given, checked: null when every field is blank; otherwise line 1, town and a valid postcode, each
     * refused by its own field ({@code prefix} + "postcode") so the person fixing it knows which.
     */
    static PostalAddress address(AddressCommand a, String prefix) {
        return address(a, prefix, false);
    }

    /** As {@link #address(AddressCommand, String)}; {@code csv} names the import's columns (address_line1, town, postcode). */
    static PostalAddress address(AddressCommand a, String prefix, boolean csv) {
        if (a == null || a.blank()) {
            return null;
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        if (a.line1() == null || a.line1().isBlank()) {
            errors.add(new FieldError(prefix + (csv ? "address_line1" : "line1"), "the first line of the address, e.g. 12 Example Street"));
        }
        if (a.town() == null || a.town().isBlank()) {
            errors.add(new FieldError(prefix + "town", "the post town, e.g. Weymouth"));
        }
        Optional<String> postcode = PostalAddress.postcode(a.postcode());
        if (postcode.isEmpty()) {
            errors.add(new FieldError(prefix + "postcode", PostalAddress.POSTCODE_EXPECTED));
        }
        if (!errors.isEmpty()) {
            throw new DomainProblem(RollProblem.CONTACT_NOT_VALID, "Address not saved: " + errors.get(0).field() + ": " + errors.get(0).expected(), errors);
        }
        return new PostalAddress(a.line1().strip(), RollMapper.blankToNull(a.line2()), RollMapper.blankToNull(a.line3()), a.town().strip(), postcode.get());
    }

    public List<ContactView> contactsOf(Actor actor, long schoolId, long pupilId) {
        return contactsOf(actor.require(Permission.ROLL_READ, schoolId, "Pupil", pupilId), pupilId);
    }

    /**
     * One contact of the school, read with {@link #contactsOf}'s permission, as their link to their first pupil (by
     * pupil id) shows them: relationship and priority are per pupil, the rest is the contact's. Another school's contact
     * is not found.
     */
    public ContactView contact(Actor actor, long schoolId, long contactId) {
        SchoolScope scope = actor.require(Permission.ROLL_READ, schoolId, "School", schoolId);
        return linksOfContact(scope, contactId).stream().min(java.util.Comparator.comparingLong(ContactView::pupilId))
                .orElseThrow(() -> uk.openattendance.platform.problem.CommonProblem.notFound("Contact", contactId));
    }

    public List<ContactView> contactsOf(SchoolScope scope, long pupilId) {
        pupils.row(scope, pupilId);
        return contactsOfPupils(scope, List.of(pupilId)).getOrDefault(pupilId, List.of());
    }

    /**
     * Every pupil link of every contact with this mobile number, in any school the caller may read: who an inbound
     * text is from. A number shared by contacts in several schools (a parent with children in two) returns all of them.
     */
    public List<ContactView> contactsWithMobile(Actor actor, String e164) {
        return contactsWithMobile(e164, schoolId -> actor.can(Permission.ROLL_READ, schoolId));
    }

    /** As {@link #contactsWithMobile(Actor, String)}, in the scope's school only. */
    public List<ContactView> contactsWithMobile(SchoolScope scope, String e164) {
        return contactsWithMobile(e164, scope::owns);
    }

    /**
     * The schools where a number is a contact's: an inbound text or a sign-in names no school until this says which
     * (the answer is ids only; reading the contacts takes a scope of one of them).
     */
    public java.util.Set<Long> schoolsOfMobile(String e164) {
        return contacts.findByMobileE164(e164).stream().map(ContactRow::schoolId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private List<ContactView> contactsWithMobile(String e164, java.util.function.LongPredicate inSchool) {
        List<ContactRow> found = contacts.findByMobileE164(e164);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, ContactRow> byId = found.stream().collect(Collectors.toMap(ContactRow::id, Function.identity()));
        return links.findByContactIdIn(byId.keySet()).stream().filter(l -> inSchool.test(l.schoolId()))
                .map(l -> RollMapper.view(l, byId.get(l.contactId()))).toList();
    }

    /** Every pupil link of one contact (a signed-in parent's children) in the scope's school. */
    public List<ContactView> linksOfContact(SchoolScope scope, long contactId) {
        return contacts.findById(contactId).filter(c -> scope.owns(c.schoolId())).map(c -> links.findByContactIdIn(List.of(contactId)).stream()
                .filter(l -> scope.owns(l.schoolId())).map(l -> RollMapper.view(l, c)).toList()).orElse(List.of());
    }

    /**
     * The stored language of each of these contacts of the scope's school (one query), for wording a message in it;
     * another school's contact and an unknown id are simply absent, and so get English.
     */
    public Map<Long, String> languagesOf(SchoolScope scope, Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return contacts.findByIdIn(contactIds).stream().filter(c -> scope.owns(c.schoolId()) && c.language() != null)
                .collect(Collectors.toMap(ContactRow::id, ContactRow::language));
    }

    /** Contacts of one school with this email address. */
    public List<ContactView> contactsWithEmail(SchoolScope scope, String email) {
        List<ContactRow> found = contacts.findBySchoolIdAndEmail(scope.schoolId(), email);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, ContactRow> byId = found.stream().collect(Collectors.toMap(ContactRow::id, Function.identity()));
        return links.findByContactIdIn(byId.keySet()).stream().map(l -> RollMapper.view(l, byId.get(l.contactId()))).toList();
    }

    /** Batch lookup for GraphQL: two queries whatever the number of pupils; other schools' links are dropped. */
    public Map<Long, List<ContactView>> contactsOfPupils(Actor actor, Collection<Long> pupilIds) {
        return contactsOfPupils(pupilIds, schoolId -> actor.can(Permission.ROLL_READ, schoolId));
    }

    /** Batch lookup inside one school's operation: other schools' links are dropped. */
    public Map<Long, List<ContactView>> contactsOfPupils(SchoolScope scope, Collection<Long> pupilIds) {
        return contactsOfPupils(pupilIds, scope::owns);
    }

    private Map<Long, List<ContactView>> contactsOfPupils(Collection<Long> pupilIds, java.util.function.LongPredicate inSchool) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        List<PupilContactRow> found = links.findByPupilIdInOrderByPriority(pupilIds).stream()
                .filter(l -> inSchool.test(l.schoolId())).toList();
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<Long, ContactRow> byId = contacts.findByIdIn(found.stream().map(PupilContactRow::contactId).distinct().toList()).stream()
                .collect(Collectors.toMap(ContactRow::id, Function.identity()));
        return found.stream().collect(Collectors.groupingBy(PupilContactRow::pupilId,
                Collectors.mapping(l -> RollMapper.view(l, byId.get(l.contactId())), Collectors.toList())));
    }

    /**
     * Refuses a contact id in a request that is not a contact of each of these pupils at this school. Another school's
     * contact, another family's and one that does not exist are refused alike, so the answer reveals nothing.
     */
    public void requireContactOf(SchoolScope scope, Collection<Long> pupilIds, long contactId, ProblemCode problem, String field) {
        long schoolId = scope.schoolId();
        Set<Long> linked = pupilIds.isEmpty() ? Set.of() : links.findByPupilIdInOrderByPriority(pupilIds).stream()
                .filter(l -> l.schoolId() == schoolId && l.contactId() == contactId).map(PupilContactRow::pupilId).collect(Collectors.toSet());
        if (pupilIds.isEmpty() || !linked.containsAll(pupilIds)) {
            throw DomainProblem.field(problem, field, "the id of a contact of " + (pupilIds.size() == 1 ? "this child" : "each of these children")
                    + " (GET .../pupils/{id}/contacts lists them)");
        }
    }

    Optional<ContactRow> findSamePerson(long schoolId, NormalisedContact c) {
        if (c.mobile() != null) {
            return contacts.findBySchoolIdAndMobileE164(schoolId, c.mobile()).stream().findFirst();
        }
        return contacts.findBySchoolIdAndEmail(schoolId, c.email()).stream().findFirst();
    }

    /** Checks and normalises a contact; {@code fieldPrefix} places errors, e.g. "" for REST or "line 4: " for a CSV row. */
    static NormalisedContact normalise(ContactCommand command, String fieldPrefix) {
        String mobile = null;
        if (command.mobile() != null && !command.mobile().isBlank()) {
            mobile = MobileNumber.toE164(command.mobile()).orElseThrow(() -> DomainProblem.field(RollProblem.CONTACT_NOT_VALID, fieldPrefix + "mobile",
                    MobileNumber.refusal(command.mobile())));
        }
        String email = RollMapper.blankToNull(command.email());
        if (mobile == null && email == null && !command.noContact()) {
            throw DomainProblem.field(RollProblem.CONTACT_NOT_VALID, fieldPrefix + "mobile", "a mobile number or an email address, so the school can reach this contact");
        }
        Channel channel = command.preferredChannel() != null ? command.preferredChannel() : mobile != null ? Channel.SMS : Channel.EMAIL;
        if ((channel == Channel.SMS && mobile == null) || (channel == Channel.EMAIL && email == null)) {
            throw DomainProblem.field(RollProblem.CONTACT_NOT_VALID, fieldPrefix + "preferredChannel", "a channel this contact has details for");
        }
        return new NormalisedContact(mobile, email, channel, language(command.language(), fieldPrefix),
                address(command.address(), fieldPrefix.isEmpty() ? "address." : fieldPrefix, !fieldPrefix.isEmpty()));
    }

    /** A language tag, e.g. en, pl, ur-PK: texts and letters go out in it where the school has wording, so a typo must not be kept. */
    static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** The contact's language as given (pl, ur-PK); none given is English. A CSV or MIS row is checked as REST is. */
    static String language(String given, String fieldPrefix) {
        if (given == null || given.isBlank()) {
            return "en";
        }
        String tag = given.strip();
        if (tag.length() > 16 || !LANGUAGE_TAG.matcher(tag).matches()) {
            throw DomainProblem.field(RollProblem.CONTACT_NOT_VALID, fieldPrefix + "language", "a language tag such as en, pl, ur, ro, cy or pt-BR");
        }
        return tag;
    }

    record NormalisedContact(String mobile, String email, Channel channel, String language, PostalAddress address) {}
}
