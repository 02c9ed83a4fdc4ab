package uk.openattendance.leave.persistence;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/** A leave document without its content: listing a request's documents never reads their bytes. */
@Introspected
public record LeaveDocumentMeta(long id, long requestId, String fileName, String contentType, int sizeBytes, String sha256, String uploadedBy,
        Instant uploadedAt) {}
