package uk.openattendance.register.app;

import java.time.LocalDate;
import java.util.List;
import uk.openattendance.school.domain.SessionTiming;

/** A register as a teacher opens it: the pupils on roll that day, their marks so far and what is already planned. */
public record RegisterView(
        long schoolId, LocalDate date, String session, Long registerGroupId, String form, SessionTiming timing, String status,
        List<Line> pupils) {

    public record Line(long pupilId, String name, long registerGroupId, String form, MarkView mark, PlannedMarks.Planned planned) {}
}
