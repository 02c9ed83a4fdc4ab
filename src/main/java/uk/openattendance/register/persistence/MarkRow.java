package uk.openattendance.register.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A pupil's current mark for one session. */
public record MarkRow(
        Long id, long schoolId, long pupilId, long registerGroupId, LocalDate date, String session, String code, int minutesLate,
        LocalTime arrivedAt, String source, int version, String recordedBy, Instant recordedAt) {}
