package uk.openattendance.roll.app;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

@Schema(example = "{\"id\": 42, \"schoolId\": 3, \"upn\": \"A123456789012\", \"legalForename\": \"Nia\", \"legalSurname\": \"Fenwright\", \"preferredForename\": \"Nia\", \"dateOfBirth\": \"2019-03-14\", \"sex\": \"F\", \"yearGroup\": \"2\", \"registerGroupId\": 7, \"form\": \"2B\", \"startDate\": \"2023-09-04\", \"characteristics\": {\"pupilPremium\": true, \"send\": \"SEN_SUPPORT\", \"freeSchoolMeals\": true, \"eal\": false, \"lookedAfter\": false, \"childInNeed\": false, \"hasSocialWorker\": false, \"youngCarer\": false}, \"vulnerable\": false, \"version\": 3}")
public record PupilView(
        long id, long schoolId, String upn, String legalForename, String legalSurname, @Nullable String preferredForename, @Nullable String preferredSurname,
        LocalDate dateOfBirth, String sex, String yearGroup, long registerGroupId, @Nullable String form, @Nullable String house, LocalDate startDate, @Nullable LocalDate leavingDate,
        Characteristics characteristics, boolean vulnerable, long version) {

    /** The name staff call the pupil by: preferred names where given, else legal names. */
    public String displayName() {
        return (preferredForename != null ? preferredForename : legalForename) + " " + (preferredSurname != null ? preferredSurname : legalSurname);
    }

    public boolean onRollOn(LocalDate date) {
        return !date.isBefore(startDate) && (leavingDate == null || !date.isAfter(leavingDate));
    }
}
