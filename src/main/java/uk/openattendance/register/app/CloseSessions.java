package uk.openattendance.register.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import uk.openattendance.school.domain.SessionScope;

/** Marks every pupil on roll (or of one register group) for a planned closure (#) or an unexpected one (Y1-Y7). */
@Introspected
@Schema(example = "{\"date\": \"2026-11-23\", \"sessions\": \"PM\", \"code\": \"Y1\", \"reason\": \"Heating failure: school closed at 11:00\"}")
public record CloseSessions(
        @NotNull(message = "the date, YYYY-MM-DD") LocalDate date,
        @NotNull(message = "ALL_DAY, AM or PM") SessionScope sessions,
        @Nullable Long registerGroupId,
        @NotNull(message = "# for a planned closure, Y1 to Y7 for an unexpected one") @Pattern(regexp = "#|Y[1-7]", message = "# for a planned closure, Y1 to Y7 for an unexpected one") String code,
        @NotBlank(message = "what happened, e.g. 'Heating failure: school closed at 11:00'") @Size(max = 500, message = "at most 500 characters") String reason) {}
