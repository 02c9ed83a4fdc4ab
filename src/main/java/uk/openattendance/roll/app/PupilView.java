package uk.openattendance.roll.app;

import java.time.LocalDate;

public record PupilView(
        long id, long schoolId, String upn, String legalForename, String legalSurname, String preferredForename, String preferredSurname,
        LocalDate dateOfBirth, String sex, String yearGroup, long registerGroupId, String form, String house, LocalDate startDate, LocalDate leavingDate,
        Characteristics characteristics, boolean vulnerable, long version) {

    /** The name staff call the pupil by: preferred names where given, else legal names. */
    public String displayName() {
        return (preferredForename != null ? preferredForename : legalForename) + " " + (preferredSurname != null ? preferredSurname : legalSurname);
    }

    public boolean onRollOn(LocalDate date) {
        return !date.isBefore(startDate) && (leavingDate == null || !date.isAfter(leavingDate));
    }
}
