package uk.openattendance.parent.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A one-time code a parent was sent: only its keyed hash is kept ({@code codeHash}), with an expiry and a count of
 * wrong guesses. {@code contactId} is null for a number nobody holds (nothing was sent, and it never verifies).
 */
@MappedEntity("parent_challenge")
public record ParentChallengeRow(
        @Id @GeneratedValue @Nullable Long id,
        String token,
        long schoolId,
        @Nullable Long contactId,
        String codeHash,
        Instant expiresAt,
        int attempts,
        @Nullable Instant usedAt,
        Instant createdAt) {}
