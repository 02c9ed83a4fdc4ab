package uk.openattendance.notify.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An address not to be messaged: by one school, or (school 0) by every school, after a STOP reply or the provider's opt-out. */
@MappedEntity("suppression")
public record SuppressionRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String address,
        String reason,
        String createdBy,
        Instant createdAt) {}
