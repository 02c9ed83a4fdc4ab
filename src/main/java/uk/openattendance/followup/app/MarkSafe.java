package uk.openattendance.followup.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The office records how it knows the child is safe (who said so, or who saw them). */
@Introspected
@Schema(example = "{\"note\": \"Mum phoned: at home with a temperature\", \"version\": 2}")
public record MarkSafe(
        @NotBlank(message = "how you know the child is safe, e.g. 'Mum phoned: at home with a temperature'") @Size(max = 1000, message = "at most 1000 characters") String note,
        @Nullable Long version) {}
