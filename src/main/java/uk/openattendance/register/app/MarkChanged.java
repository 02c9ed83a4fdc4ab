package uk.openattendance.register.app;

import java.time.LocalDate;

/** A mark written: first entry ({@code oldCode} null) or amendment. Told to listeners inside the writing transaction. */
public record MarkChanged(long schoolId, long pupilId, LocalDate date, String session, String oldCode, String newCode, String changedBy) {}
