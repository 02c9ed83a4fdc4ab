package uk.openattendance.register.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A pupil's current mark for one session; send {@code version} back when changing it. */
public record MarkView(
        long pupilId, LocalDate date, String session, String code, String meaning, int minutesLate, LocalTime arrivedAt, String source, int version,
        String recordedBy, Instant recordedAt) {}
