package uk.openattendance.notify.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A school's own wording of one message in one language; {@code purpose} is a {@code MessagePurpose} name. */
@MappedEntity("message_template")
public record MessageTemplateRow(
        @EmbeddedId MessageTemplateKey key,
        @Nullable String subject,
        String body,
        String updatedBy,
        Instant updatedAt) {}
