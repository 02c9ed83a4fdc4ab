package uk.openattendance.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("staff")
public record StaffRow(@Id @GeneratedValue @Nullable Long id, String email, String displayName, String passwordHash, boolean platformAdmin, Instant createdAt,
        @Nullable Instant removedAt, @Nullable String removedBy) {}
