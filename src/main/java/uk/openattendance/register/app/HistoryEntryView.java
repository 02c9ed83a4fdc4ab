package uk.openattendance.register.app;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a pupil's register history: the original and new entries, the reason, who and when, and its link
 * ({@code keyId} names the configured key the link was made with; null for entries from before the history was keyed).
 */
public record HistoryEntryView(
        long seq, LocalDate date, String session, String oldCode, String newCode, int oldMinutesLate, int newMinutesLate, String reason, String changedBy,
        Instant changedAt, String keyId, String hash) {}
