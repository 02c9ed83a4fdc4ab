package uk.openattendance.notify.persistence;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A school's approval of the exact shipped wording whose sha-256 it names. */
@MappedEntity("message_template_review")
public record MessageTemplateReviewRow(
        @EmbeddedId MessageTemplateKey key,
        String wordingSha,
        String reviewedBy,
        Instant reviewedAt) {}
