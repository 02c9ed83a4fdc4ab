package uk.openattendance.platform.problem;

/** One field that was wrong, and what a caller should have sent instead. */
public record FieldError(String field, String expected) {}
