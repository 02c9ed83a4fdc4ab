package uk.openattendance.security;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A staff account with one role in one school, or TRUST_ADMIN across a trust. */
@Introspected
@Schema(example = "{\"email\": \"office@example.org\", \"displayName\": \"Dana Ashcombe\", \"password\": \"a long passphrase of your own\", \"role\": \"OFFICE\", \"schoolId\": 3}")
public record CreateStaff(
        @NotBlank(message = "an email address") @Email(message = "an email address") String email,
        @NotBlank(message = "the name colleagues know them by") @Size(max = 200, message = "at most 200 characters") String displayName,
        @NotNull(message = "a password of 12 to 200 characters") @Size(min = 12, max = 200, message = "a password of 12 to 200 characters") String password,
        @NotNull(message = "one of [TEACHER, OFFICE, ATTENDANCE_OFFICER, DESIGNATED_SENIOR_LEADER, HEADTEACHER, TRUST_ADMIN]") Role role,
        @Nullable Long schoolId,
        @Nullable Long trustId) {}
