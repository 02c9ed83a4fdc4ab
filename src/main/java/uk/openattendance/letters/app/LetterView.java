package uk.openattendance.letters.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A letter in the pupil's history: what it says, what it was about, and who drafted, edited, approved and sent it when. */
@Schema(example = "{\"id\": 911, \"schoolId\": 3, \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"kind\": \"ATTENDANCE\", \"triggerKey\": \"ATTENDANCE:2026/27:1\", \"status\": \"SENT\", \"subject\": \"Nia's attendance this year\", \"bodyHtml\": \"<p>Dear Mr and Mrs Fenwright,</p><p>Nia's attendance this school year is 94.6% (106 of 112 possible sessions, 3 September to 20 November). Our school expects at least 95%.</p><p>Please talk to us if there is anything we can help with.</p><p>Mrs A. Example, Headteacher</p>\", \"facts\": {\"figures\": {\"attendancePercent\": 94.6, \"possibleSessions\": 112, \"attended\": 106}, \"window\": {\"from\": \"2026-09-03\", \"to\": \"2026-11-20\"}}, \"asOf\": \"2026-11-23\", \"draftedBy\": \"service\", \"draftedAt\": \"2026-11-23T06:00:05Z\", \"editedBy\": \"office@example.org\", \"editedAt\": \"2026-11-23T10:12:00Z\", \"approvedBy\": \"head@example.org\", \"approvedAt\": \"2026-11-23T14:30:00Z\", \"deliveredBy\": \"office@example.org\", \"deliveredAt\": \"2026-11-24T09:15:00Z\", \"delivery\": \"EMAIL\", \"suppressedReason\": null, \"version\": 4}")
public record LetterView(long id, long schoolId, long pupilId, String pupilName, String kind, String triggerKey, String status, String subject,
        String bodyHtml, Map<String, Object> facts, LocalDate asOf, String draftedBy, Instant draftedAt, String editedBy, Instant editedAt,
        String approvedBy, Instant approvedAt, String deliveredBy, Instant deliveredAt, String delivery, @io.micronaut.core.annotation.Nullable String suppressedReason, long version) {}
