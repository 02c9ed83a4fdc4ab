package uk.openattendance.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("api_client")
public record ApiClientRow(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String keyPrefix,
        String keyHash,
        @Nullable Long schoolId,
        @Nullable Long trustId,
        String scopes,
        Instant createdAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {}
