package uk.openattendance.leave.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import uk.openattendance.leave.domain.LeaveGround;
import uk.openattendance.school.domain.Session;

/**
 * A request for leave of absence for one child: whole days (first session AM, last session PM, the defaults) or
 * from a session to a session. {@code festival} names the festival for religious observance.
 */
@Introspected
@Schema(example = "{\"pupilId\": 42, \"ground\": \"RELIGIOUS_OBSERVANCE\", \"firstDate\": \"2027-03-30\", \"lastDate\": \"2027-03-30\", \"reason\": \"Eid al-Fitr with the family\", \"festival\": \"Eid al-Fitr\"}")
public record RequestLeave(
        @NotNull(message = "the id of the child the leave is for") Long pupilId,
        @NotNull(message = "one of EXCEPTIONAL_CIRCUMSTANCES, PERFORMANCE_OR_EMPLOYMENT_ABROAD, INTERVIEW, STUDY_LEAVE, PART_TIME_TIMETABLE, "
                + "RELIGIOUS_OBSERVANCE, PARENT_TRAVELLING_FOR_WORK") LeaveGround ground,
        @NotNull(message = "the first day of leave, e.g. 2027-02-01") LocalDate firstDate,
        @Nullable @Schema(type = "string") Session firstSession,
        @NotNull(message = "the last day of leave, e.g. 2027-02-05") LocalDate lastDate,
        @Nullable @Schema(type = "string") Session lastSession,
        @NotBlank(message = "the reason for the request, in the family's words") @Size(max = 2000, message = "at most 2000 characters") String reason,
        @Nullable @Size(max = 100, message = "at most 100 characters") String festival,
        @Nullable Long requesterContactId) {}
