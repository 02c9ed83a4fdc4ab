package uk.openattendance.letters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import uk.openattendance.letters.domain.LetterStatus;

public record LetterRow(long id, long schoolId, long pupilId, String kind, String triggerKey, LetterStatus status, String subject, String bodyHtml, String facts,
        LocalDate asOf, String draftedBy, Instant draftedAt, String editedBy, Instant editedAt, String approvedBy, Instant approvedAt, String deliveredBy,
        Instant deliveredAt, String delivery, String suppressedReason, long version) {}
