package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.openattendance.followup.domain.Child;
import uk.openattendance.followup.domain.Message;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.SchoolScope;

/** The follow-up domain's view of the roll (children and their contacts) and its decided messages as outbox requests. */
@Singleton
class FamilyContacts {
    private final ContactService contacts;

    public FamilyContacts(ContactService contacts) {
        this.contacts = contacts;
    }

    Map<Long, List<ContactView>> of(SchoolScope scope, Collection<Long> pupilIds) {
        return contacts.contactsOfPupils(scope, pupilIds);
    }

    /** Each pupil's contacts as the routing rules see them. */
    Map<Long, List<Recipients.Contact>> routable(SchoolScope scope, Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        return of(scope, pupilIds).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> recipients(e.getValue())));
    }

    static List<Recipients.Contact> recipients(List<ContactView> views) {
        return views.stream().map(c -> new Recipients.Contact(c.contactId(), c.name(), c.relationship(), c.parentalResponsibility(), c.livesWithPupil(),
                c.priority(), c.mobile(), c.email(), c.preferredChannel(), c.noContact())).toList();
    }

    static Child child(PupilView p) {
        return new Child(p.id(), p.legalForename(), p.legalSurname(), p.preferredForename(), p.displayName(), p.form(), p.registerGroupId(), p.vulnerable(),
                p.characteristics().lookedAfter(), p.characteristics().childInNeed(), p.characteristics().hasSocialWorker());
    }

    static List<Child> children(List<PupilView> pupils) {
        return pupils.stream().map(FamilyContacts::child).toList();
    }

    static List<Outbox.Request> requests(long schoolId, LocalDate date, List<Message> messages) {
        return messages.stream().map(m -> new Outbox.Request(schoolId, m.purpose(), m.key(), m.urgent() ? Outbox.URGENT : Outbox.NORMAL, m.to(), m.fields(),
                m.pupilIds(), date)).toList();
    }
}
