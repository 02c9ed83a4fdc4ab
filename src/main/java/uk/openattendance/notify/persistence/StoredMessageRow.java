package uk.openattendance.notify.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("stored_message")
public record StoredMessageRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String channel,
        String recipient,
        @Nullable String subject,
        String body,
        String purpose,
        Instant storedAt) {}
