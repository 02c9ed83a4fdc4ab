package uk.openattendance.security;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** An integrator's key, limited to one school (or a trust) and to the scopes it needs. */
@Introspected
@Schema(example = "{\"name\": \"MIS sync\", \"schoolId\": 3, \"scopes\": [\"ROLL_READ\", \"ROLL_WRITE\"]}")
public record CreateApiClient(
        @NotBlank(message = "a name for the integration, e.g. MIS sync") @Size(max = 200, message = "at most 200 characters") String name,
        @Nullable Long schoolId,
        @Nullable Long trustId,
        @NotEmpty(message = "at least one scope, e.g. ROLL_READ") Set<@NotNull(message = "one of the permissions, e.g. ROLL_READ") Permission> scopes) {}
