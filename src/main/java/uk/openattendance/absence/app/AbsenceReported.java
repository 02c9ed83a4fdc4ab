package uk.openattendance.absence.app;

import java.time.LocalDate;
import java.util.List;

/** Reports just recorded (one per child of a family's report), published inside the transaction that stores them. */
public record AbsenceReported(long schoolId, List<Report> reports, String channel) {

    public record Report(long reportId, long pupilId, LocalDate firstDate, LocalDate lastDate, String suggestedCode) {}
}
