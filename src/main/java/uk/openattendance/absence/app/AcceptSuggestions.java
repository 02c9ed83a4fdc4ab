package uk.openattendance.absence.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The children whose suggested reading of a text the office accepts, as they were suggested. */
@Introspected
@Schema(example = "{\"pupilIds\": [42]}")
public record AcceptSuggestions(
        @NotEmpty(message = "the ids of the children whose suggestion you accept") @Size(max = 8, message = "at most 8 children")
        List<@NotNull(message = "a pupil id") Long> pupilIds) {}
