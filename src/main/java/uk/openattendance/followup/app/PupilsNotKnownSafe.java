package uk.openattendance.followup.app;

import java.time.LocalDate;
import java.util.List;

/** Children still not known to be safe when the designated lead is alerted ({@code stage}: escalation or safe-by). */
public record PupilsNotKnownSafe(long schoolId, LocalDate date, String stage, List<Long> pupilIds) {}
