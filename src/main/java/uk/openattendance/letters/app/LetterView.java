package uk.openattendance.letters.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A letter in the pupil's history: what it says, what it was about, and who drafted, edited, approved and sent it when. */
public record LetterView(long id, long schoolId, long pupilId, String pupilName, String kind, String triggerKey, String status, String subject,
        String bodyHtml, Map<String, Object> facts, LocalDate asOf, String draftedBy, Instant draftedAt, String editedBy, Instant editedAt,
        String approvedBy, Instant approvedAt, String deliveredBy, Instant deliveredAt, String delivery, String suppressedReason, long version) {}
