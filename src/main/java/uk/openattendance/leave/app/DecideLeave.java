package uk.openattendance.leave.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import uk.openattendance.school.domain.Session;

/**
 * The headteacher's decision: APPROVE all, APPROVE_PART (the sessions from approvedFrom to approvedTo, inside the
 * request), or REFUSE. A note is required for part approval and refusal: it goes into the letter to the family.
 * {@code version} is the request's version as read; a request changed since answers 409.
 */
@Introspected
@Schema(example = "{\"outcome\": \"APPROVE_PART\", \"approvedFromDate\": \"2027-02-01\", \"approvedFromSession\": \"AM\", \"approvedToDate\": \"2027-02-02\", \"approvedToSession\": \"PM\", \"note\": \"Two days agreed for the funeral; the rest of the week is not\"}")
public record DecideLeave(
        @NotNull(message = "APPROVE, APPROVE_PART or REFUSE") Outcome outcome,
        @Nullable LocalDate approvedFromDate,
        @Nullable @Schema(type = "string") Session approvedFromSession,
        @Nullable LocalDate approvedToDate,
        @Nullable @Schema(type = "string") Session approvedToSession,
        @Nullable @Size(max = 2000, message = "at most 2000 characters") String note,
        @Nullable Long version) {

    public enum Outcome { APPROVE, APPROVE_PART, REFUSE }
}
