package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Introspected
@Schema(example = "{\"name\": \"Example Vale Learning Trust\"}")
public record CreateTrust(@NotBlank(message = "the trust's name") @Size(max = 200, message = "at most 200 characters") String name) {}
