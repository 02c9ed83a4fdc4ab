package uk.openattendance.leave.app;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.leave.domain.LeaveAdvice;

/**
 * A leave request as the office and the headteacher see it: what was asked, the school's rules' advice, the decision,
 * and each session with its state (null until decided) and the code approved sessions are recorded with.
 */
@Schema(example = "{\"id\": 77, \"schoolId\": 3, \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"ground\": \"RELIGIOUS_OBSERVANCE\", \"code\": \"R\", \"firstDate\": \"2027-03-30\", \"firstSession\": \"AM\", \"lastDate\": \"2027-03-30\", \"lastSession\": \"PM\", \"schoolDays\": 1.0, \"reason\": \"Eid al-Fitr with the family\", \"festival\": \"Eid al-Fitr\", \"channel\": \"PARENT_APP\", \"requesterContactId\": 118, \"requestedBy\": \"parent:118\", \"requestedAt\": \"2027-03-01T19:02:00Z\", \"advice\": {\"leaning\": \"NO_CONCERNS\", \"points\": [{\"rule\": \"religious-observance\", \"weight\": \"NOTE\", \"reason\": \"A day set apart for religious observance by the family's religious body\"}]}, \"status\": \"REQUESTED\", \"sessions\": [{\"date\": \"2027-03-30\", \"session\": \"AM\"}, {\"date\": \"2027-03-30\", \"session\": \"PM\"}], \"documents\": [], \"version\": 1}")
public record LeaveRequestView(long id, long schoolId, long pupilId, String pupilName, String ground, String code, LocalDate firstDate,
        String firstSession, LocalDate lastDate, String lastSession, double schoolDays, String reason, String festival, String channel,
        Long requesterContactId, String requestedBy, Instant requestedAt, LeaveAdvice advice, String status, @Nullable String decidedBy, @Nullable Instant decidedAt,
        @Nullable String decisionNote, @Nullable String takenConfirmedBy, @Nullable Instant takenConfirmedAt, List<SessionState> sessions, List<Document> documents, long version) {

    public record SessionState(LocalDate date, String session, @Nullable Boolean approved) {}

    @Schema(example = "{\"id\": 31, \"fileName\": \"appointment-letter.pdf\", \"contentType\": \"application/pdf\", \"sizeBytes\": 48213, \"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\", \"uploadedBy\": \"parent:118\", \"uploadedAt\": \"2026-11-23T18:20:00Z\"}")
    public record Document(long id, String fileName, String contentType, int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {}
}
