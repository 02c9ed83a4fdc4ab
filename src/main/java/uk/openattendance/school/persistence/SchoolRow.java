package uk.openattendance.school.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

@MappedEntity("school")
public record SchoolRow(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long trustId,
        String urn,
        String name,
        String zone,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        String allowedOrigins,
        String presetKey,
        @Nullable String policyOverrides,
        int policyVersion,
        @Version @Nullable Long version,
        Instant createdAt) {}
