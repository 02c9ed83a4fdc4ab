package uk.openattendance.followup.app;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.SchoolScope;

/** Pupils' contacts as the routing rules see them, and the names families call their children by. */
@Singleton
class FamilyContacts {
    private final ContactService contacts;

    public FamilyContacts(ContactService contacts) {
        this.contacts = contacts;
    }

    Map<Long, List<ContactView>> of(SchoolScope scope, Collection<Long> pupilIds) {
        return contacts.contactsOfPupils(scope, pupilIds);
    }

    public static List<Recipients.Contact> recipients(List<ContactView> views) {
        return views.stream().map(c -> new Recipients.Contact(c.contactId(), c.name(), c.relationship(), c.parentalResponsibility(), c.livesWithPupil(),
                c.priority(), c.mobile(), c.email(), c.preferredChannel(), c.noContact())).toList();
    }

    /** "Amelia", "Amelia and Ben", "Amelia, Ben and Cara": first names as the family uses them. */
    public static String names(List<PupilView> pupils) {
        List<String> first = pupils.stream().map(p -> p.preferredForename() != null ? p.preferredForename() : p.legalForename()).toList();
        if (first.size() <= 1) {
            return first.isEmpty() ? "" : first.get(0);
        }
        return String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.get(first.size() - 1);
    }

    public static boolean needsCare(PupilView p) {
        return p.vulnerable() || p.characteristics().lookedAfter() || p.characteristics().childInNeed() || p.characteristics().hasSocialWorker();
    }
}
