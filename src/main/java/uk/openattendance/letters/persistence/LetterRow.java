package uk.openattendance.letters.persistence;

import java.time.Instant;
import java.time.LocalDate;

public record LetterRow(long id, long schoolId, long pupilId, String kind, String triggerKey, String status, String subject, String bodyHtml, String facts,
        LocalDate asOf, String draftedBy, Instant draftedAt, String editedBy, Instant editedAt, String approvedBy, Instant approvedAt, String deliveredBy,
        Instant deliveredAt, String delivery, String suppressedReason, long version) {}
