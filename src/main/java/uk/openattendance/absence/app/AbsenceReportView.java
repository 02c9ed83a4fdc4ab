package uk.openattendance.absence.app;

import java.time.Instant;
import java.time.LocalDate;

public record AbsenceReportView(long id, String reportGroup, long pupilId, String pupilName, LocalDate firstDate, String firstSession, LocalDate lastDate,
        String lastSession, LocalDate expectedReturn, String category, String suggestedCode, String reason, String channel, Long contactId,
        boolean evidenceToFollow, int marksExplained, String recordedBy, Instant recordedAt) {}
