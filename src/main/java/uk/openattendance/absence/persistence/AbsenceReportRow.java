package uk.openattendance.absence.persistence;

import java.time.Instant;
import java.time.LocalDate;

public record AbsenceReportRow(long id, long schoolId, String reportGroup, long pupilId, LocalDate firstDate, String firstSession, LocalDate lastDate,
        String lastSession, LocalDate expectedReturn, String category, String suggestedCode, String reason, String channel, Long contactId,
        boolean evidenceToFollow, AbsenceReportStatus status, String recordedBy, Instant recordedAt, Long inboundSmsId) {}
