package uk.openattendance.letters.domain;

import java.time.LocalDate;

/** A letter already drafted for the pupil (whatever became of it): its template kind, occasion, and the date of the run. */
public record LetterSent(String templateKind, String triggerKey, LocalDate asOf, String status) {}
