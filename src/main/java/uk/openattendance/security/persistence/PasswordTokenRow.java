package uk.openattendance.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.openattendance.security.domain.PasswordTokenPurpose;

/** A one-time password link: only the SHA-256 of its token is kept ({@code tokenHash}), never the token. */
@MappedEntity("password_token")
public record PasswordTokenRow(
        @Id @GeneratedValue @Nullable Long id,
        long staffId,
        String tokenHash,
        PasswordTokenPurpose purpose,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt) {}
