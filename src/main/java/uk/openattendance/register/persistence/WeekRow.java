package uk.openattendance.register.persistence;

import java.time.LocalDate;
import uk.openattendance.register.domain.Tally;

/** A pupil's tally for one week (Monday start); as a write, the change to add to the stored tally. */
public record WeekRow(long pupilId, LocalDate weekStart, long schoolId, Tally tally) {}
