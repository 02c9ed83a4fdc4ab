package uk.openattendance.register.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to one mark already taken: the new code, why, and the version of the mark the caller is changing. */
@Introspected
@Schema(example = "{\"code\": \"I\", \"reason\": \"Parent phoned: illness\", \"version\": 1}")
public record AmendMark(
        @NotNull(message = "a register code; see GET /api/v1/attendance-codes") @Pattern(regexp = "[A-Z0-9/\\\\#]{1,3}", message = "a register code such as I, M or O") String code,
        @Nullable @Min(value = 0, message = "0 or more minutes") @Max(value = 300, message = "at most 300 minutes") Integer minutesLate,
        @NotBlank(message = "why the mark changes, e.g. 'Parent phoned: illness'") @Size(max = 500, message = "at most 500 characters") String reason,
        @NotNull(message = "the version of the mark you are changing, from when you loaded it") Integer version) {}
