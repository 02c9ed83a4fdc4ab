package uk.openattendance.leave.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.leave.domain.LeaveAdvice;

/**
 * A leave request as the office and the headteacher see it: what was asked, the school's rules' advice, the decision,
 * and each session with its state (null until decided) and the code approved sessions are recorded with.
 */
public record LeaveRequestView(long id, long schoolId, long pupilId, String pupilName, String ground, String code, LocalDate firstDate,
        String firstSession, LocalDate lastDate, String lastSession, double schoolDays, String reason, String festival, String channel,
        Long requesterContactId, String requestedBy, Instant requestedAt, LeaveAdvice advice, String status, String decidedBy, Instant decidedAt,
        String decisionNote, String takenConfirmedBy, Instant takenConfirmedAt, List<SessionState> sessions, List<Document> documents, long version) {

    public record SessionState(LocalDate date, String session, Boolean approved) {}

    public record Document(long id, String fileName, String contentType, int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {}
}
