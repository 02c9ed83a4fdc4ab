package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Introspected
@Schema(example = "{\"trustId\": 1, \"urn\": \"100000\", \"presetKey\": \"primary-gloucestershire\", \"details\": {\"name\": \"Example Hill Primary\", \"zone\": \"Europe/London\", \"phone\": \"020 7946 0000\", \"email\": \"office@example.org\", \"address\": \"1 Example Hill, Bridport DT6 3AA\", \"allowedOrigins\": [\"https://example-hill.example.org\"]}}")
public record CreateSchool(
        @Nullable Long trustId,
        @NotNull(message = "a 6-digit unique reference number") @Pattern(regexp = "[0-9]{6}", message = "a 6-digit unique reference number") String urn,
        @NotBlank(message = "a preset key from GET /api/v1/policy-presets") String presetKey,
        @NotNull(message = "the school's details") @Valid SchoolDetails details) {}
