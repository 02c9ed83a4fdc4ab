package uk.openattendance.school.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("policy_change")
public record PolicyChangeRow(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long schoolId,
        @Nullable Long trustId,
        int version,
        String patch,
        String changedBy,
        Instant changedAt) {}
