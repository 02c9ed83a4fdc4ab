package uk.openattendance.followup.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.openattendance.followup.domain.CallOutcome;

@Introspected
@Schema(example = "{\"contactId\": 118, \"outcome\": \"LEFT_VOICEMAIL\", \"note\": \"Left a message asking Dad to ring the office\"}")
public record LogCall(
        @Nullable Long contactId,
        @NotNull(message = "one of NO_ANSWER, LEFT_VOICEMAIL, WRONG_NUMBER, SPOKE_CHILD_SAFE, SPOKE_CHILD_NOT_SAFE, CHILD_SEEN") CallOutcome outcome,
        @Nullable @Size(max = 1000, message = "at most 1000 characters") String note) {}
