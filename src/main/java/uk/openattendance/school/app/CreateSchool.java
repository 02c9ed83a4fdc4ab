package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Introspected
public record CreateSchool(
        @Nullable Long trustId,
        @NotNull(message = "a 6-digit unique reference number") @Pattern(regexp = "[0-9]{6}", message = "a 6-digit unique reference number") String urn,
        @NotBlank(message = "a preset key from GET /api/v1/policy-presets") String presetKey,
        @NotNull(message = "the school's details") @Valid SchoolDetails details) {}
