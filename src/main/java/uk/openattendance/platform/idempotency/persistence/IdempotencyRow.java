package uk.openattendance.platform.idempotency.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("idempotency_record")
public record IdempotencyRow(
        @Id @GeneratedValue @Nullable Long id,
        String caller,
        String idemKey,
        String operation,
        String requestHash,
        int responseStatus,
        String responseBody,
        Instant createdAt) {}
