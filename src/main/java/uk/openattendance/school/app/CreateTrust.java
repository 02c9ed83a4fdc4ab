package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Introspected
public record CreateTrust(@NotBlank(message = "the trust's name") @Size(max = 200, message = "at most 200 characters") String name) {}
