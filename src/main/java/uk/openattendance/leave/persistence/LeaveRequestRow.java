package uk.openattendance.leave.persistence;

import java.time.Instant;
import java.time.LocalDate;
import uk.openattendance.leave.domain.LeaveRequestStatus;

public record LeaveRequestRow(long id, long schoolId, long pupilId, String ground, LocalDate firstDate, String firstSession, LocalDate lastDate,
        String lastSession, String reason, String festival, String channel, Long requesterContactId, String requestedBy, Instant requestedAt,
        String advice, LeaveRequestStatus status, String decidedBy, Instant decidedAt, String decisionNote, String takenConfirmedBy, Instant takenConfirmedAt,
        long version) {}
