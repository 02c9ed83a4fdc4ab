package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a pupil's register history: the original and new entries, the reason, who and when, and its link
 * ({@code keyId} names the configured key the link was made with; null for entries from before the history was keyed).
 */
@Schema(example = "{\"seq\": 118, \"date\": \"2026-11-23\", \"session\": \"AM\", \"oldCode\": \"N\", \"newCode\": \"I\", \"oldMinutesLate\": 0, \"newMinutesLate\": 0, \"reason\": \"Parent phoned: illness\", \"changedBy\": \"office@example.org (Office staff)\", \"changedAt\": \"2026-11-23T09:47:00Z\", \"keyId\": \"chain-2026-1\", \"hash\": \"3f1c9b5e0a7d42e8b6c1f0a9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9\"}")
public record HistoryEntryView(
        long seq, LocalDate date, String session, String oldCode, String newCode, int oldMinutesLate, int newMinutesLate, String reason, String changedBy,
        Instant changedAt, String keyId, String hash) {}
