package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.school.domain.SessionTiming;

/** A register as a teacher opens it: the pupils on roll that day, their marks so far and what is already planned. */
@Schema(example = "{\"schoolId\": 3, \"date\": \"2026-11-23\", \"session\": \"AM\", \"registerGroupId\": 7, \"form\": \"2B\", \"timing\": {\"opensAt\": \"08:40\", \"lateAfter\": \"08:50\", \"closesAt\": \"09:10\", \"unauthorisedAfter\": \"09:10\"}, \"status\": \"OPEN\", \"pupils\": [{\"pupilId\": 42, \"name\": \"Nia Fenwright\", \"registerGroupId\": 7, \"form\": \"2B\", \"mark\": {\"pupilId\": 42, \"date\": \"2026-11-23\", \"session\": \"AM\", \"code\": \"I\", \"meaning\": \"Illness (not medical or dental appointments)\", \"minutesLate\": 0, \"source\": \"PLANNED\", \"version\": 1, \"recordedBy\": \"office@example.org\", \"recordedAt\": \"2026-11-23T07:42:10Z\"}, \"planned\": {\"pupilId\": 42, \"code\": \"I\", \"reason\": \"Absence report R-501: illness\", \"approvedLeave\": false}}]}")
public record RegisterView(
        long schoolId, LocalDate date, String session, Long registerGroupId, String form, SessionTiming timing, String status,
        List<Line> pupils) {

    public record Line(long pupilId, String name, long registerGroupId, String form, MarkView mark, PlannedMarks.Planned planned) {}
}
