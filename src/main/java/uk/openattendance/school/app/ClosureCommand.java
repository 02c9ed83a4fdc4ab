package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import uk.openattendance.school.domain.ClosureKind;
import uk.openattendance.school.domain.SessionScope;

@Introspected
@Schema(example = "{\"date\": \"2026-11-27\", \"sessions\": \"ALL_DAY\", \"kind\": \"INSET\", \"description\": \"Staff training day\"}")
public record ClosureCommand(
        @NotNull(message = "a date as YYYY-MM-DD") LocalDate date,
        @NotNull(message = "one of [ALL_DAY, AM, PM]") SessionScope sessions,
        @Nullable Long registerGroupId,
        @NotNull(message = "one of [INSET, BANK_HOLIDAY, PLANNED_PARTIAL, PLANNED_WHOLE_SCHOOL, OTHER]") ClosureKind kind,
        @Nullable @Size(max = 200, message = "at most 200 characters") String description) {}
