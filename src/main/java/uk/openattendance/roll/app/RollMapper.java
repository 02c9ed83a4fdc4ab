package uk.openattendance.roll.app;

import uk.openattendance.roll.domain.Channel;
import uk.openattendance.roll.domain.PostalAddress;
import uk.openattendance.roll.domain.SendStatus;
import uk.openattendance.roll.persistence.ContactRow;
import uk.openattendance.roll.persistence.PupilContactRow;
import uk.openattendance.roll.persistence.PupilRow;

final class RollMapper {
    private RollMapper() {}

    static PupilView view(PupilRow r) {
        return new PupilView(r.id(), r.schoolId(), r.upn(), r.legalForename(), r.legalSurname(), r.preferredForename(), r.preferredSurname(),
                r.dateOfBirth(), r.sex(), r.yearGroup(), r.registerGroupId(), r.form(), r.house(), r.startDate(), r.leavingDate(),
                new Characteristics(r.pupilPremium(), SendStatus.valueOf(r.sendStatus()), r.freeSchoolMeals(), r.eal(), r.lookedAfter(),
                        r.childInNeed(), r.hasSocialWorker(), r.youngCarer()),
                r.vulnerable(), r.version() == null ? 0 : r.version());
    }

    static PupilRow row(Long id, long schoolId, PupilCommand c, Long version) {
        Characteristics ch = c.characteristics();
        return new PupilRow(id, schoolId, c.upn(), c.legalForename().strip(), c.legalSurname().strip(), blankToNull(c.preferredForename()),
                blankToNull(c.preferredSurname()), c.dateOfBirth(), blankToNull(c.sex()), c.yearGroup(), c.registerGroupId(), blankToNull(c.form()), blankToNull(c.house()),
                c.startDate(), c.leavingDate(), ch.pupilPremium(), ch.send().name(), ch.freeSchoolMeals(), ch.eal(), ch.lookedAfter(),
                ch.childInNeed(), ch.hasSocialWorker(), ch.youngCarer(), c.vulnerable(), version);
    }

    static ContactView view(PupilContactRow link, ContactRow c) {
        return new ContactView(c.id(), link.pupilId(), c.schoolId(), c.fullName(), link.relationship(), link.parentalResponsibility(),
                link.livesWithPupil(), link.priority(), c.mobileE164(), c.email(), Channel.valueOf(c.preferredChannel()), link.noContact(), c.language(),
                c.postcode() == null ? null : new PostalAddress(c.addressLine1(), c.addressLine2(), c.addressLine3(), c.town(), c.postcode()));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
