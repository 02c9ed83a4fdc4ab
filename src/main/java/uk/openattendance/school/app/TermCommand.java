package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Introspected
@Schema(example = "{\"name\": \"Autumn\", \"startsOn\": \"2026-09-03\", \"endsOn\": \"2026-12-18\", \"halfTermBreakStartsOn\": \"2026-10-26\", \"halfTermBreakEndsOn\": \"2026-10-30\"}")
public record TermCommand(
        @NotBlank(message = "the term's name, e.g. Autumn") @Size(max = 40, message = "at most 40 characters") String name,
        @NotNull(message = "a date as YYYY-MM-DD") LocalDate startsOn,
        @NotNull(message = "a date as YYYY-MM-DD") LocalDate endsOn,
        @Nullable LocalDate halfTermBreakStartsOn,
        @Nullable LocalDate halfTermBreakEndsOn) {}
