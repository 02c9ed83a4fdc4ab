package uk.openattendance.register.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of the append-only register history. */
public record HistoryRow(
        long schoolId, long pupilId, long seq, LocalDate date, String session, String oldCode, String newCode, int oldMinutesLate,
        int newMinutesLate, String reason, String changedBy, Instant changedAt, String prevHash, String keyId, String hash) {}
