package uk.openattendance.roll.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import uk.openattendance.roll.domain.DeletionGround;

/** Taking a pupil off the admission register: only on a regulation 9 ground, on a date. */
@Introspected
@Schema(example = "{\"ground\": \"REGISTERED_AT_ANOTHER_SCHOOL\", \"deletedOn\": \"2027-01-08\", \"note\": \"Moved to Example Down Primary; their admission confirmed by email\"}")
public record DeletePupil(
        @NotNull(message = "a regulation 9 ground, see GET /api/v1/deletion-grounds") DeletionGround ground,
        @NotNull(message = "the date the pupil's name comes off the register, as YYYY-MM-DD") LocalDate deletedOn,
        @Nullable @Size(max = 500, message = "at most 500 characters") String note) {}
