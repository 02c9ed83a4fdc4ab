package uk.openattendance.leave.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A document a family or the office attached to a leave request; no school_id of its own, it is reached through its request. */
@MappedEntity("leave_document")
public record LeaveDocumentRow(
        @Id @GeneratedValue @Nullable Long id,
        long requestId,
        String fileName,
        String contentType,
        int sizeBytes,
        @MappedProperty("sha256") String sha256,
        byte[] content,
        String uploadedBy,
        Instant uploadedAt) {}
