package uk.openattendance.roll.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A pupil's entry on the admission register, as staff, an integrator or a CSV row sends it. */
@Introspected
@Schema(example = "{\"upn\": \"A123456789012\", \"legalForename\": \"Nia\", \"legalSurname\": \"Fenwright\", \"preferredForename\": \"Nia\", \"dateOfBirth\": \"2019-03-14\", \"sex\": \"F\", \"yearGroup\": \"2\", \"registerGroupId\": 7, \"form\": \"2B\", \"startDate\": \"2023-09-04\", \"characteristics\": {\"pupilPremium\": true, \"send\": \"SEN_SUPPORT\", \"freeSchoolMeals\": true, \"eal\": false, \"lookedAfter\": false, \"childInNeed\": false, \"hasSocialWorker\": false, \"youngCarer\": false}, \"vulnerable\": false}")
public record PupilCommand(
        @NotNull(message = "13 characters: a capital letter, 11 digits, then a digit or capital letter")
        @Pattern(regexp = "[A-Z][0-9]{11}[0-9A-Z]", message = "13 characters: a capital letter, 11 digits, then a digit or capital letter") String upn,
        @NotBlank(message = "the legal forename") @Size(max = 100, message = "at most 100 characters") String legalForename,
        @NotBlank(message = "the legal surname") @Size(max = 100, message = "at most 100 characters") String legalSurname,
        @Nullable @Size(max = 100, message = "at most 100 characters") String preferredForename,
        @Nullable @Size(max = 100, message = "at most 100 characters") String preferredSurname,
        @NotNull(message = "a date as YYYY-MM-DD") @Past(message = "a date in the past") LocalDate dateOfBirth,
        @Nullable @Pattern(regexp = "[MF]", message = "M or F, the sex the DfE school census records, or leave it out") String sex,
        @NotNull(message = "one of N1, N2, R, 1 to 14") @Pattern(regexp = "N1|N2|R|[1-9]|1[0-4]", message = "one of N1, N2, R, 1 to 14") String yearGroup,
        @NotNull(message = "the id of one of the school's register groups") Long registerGroupId,
        @Nullable @Size(max = 20, message = "at most 20 characters") String form,
        @Nullable @Size(max = 40, message = "at most 40 characters") String house,
        @NotNull(message = "the date of admission as YYYY-MM-DD") LocalDate startDate,
        @Nullable LocalDate leavingDate,
        @Nullable @Schema(type = "object") Characteristics characteristics,
        boolean vulnerable,
        @Nullable Long version) {

    public PupilCommand {
        characteristics = characteristics == null ? Characteristics.none() : characteristics;
    }
}
