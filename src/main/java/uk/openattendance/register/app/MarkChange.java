package uk.openattendance.register.app;

import java.time.LocalDate;
import java.time.LocalTime;
import uk.openattendance.register.persistence.MarkRow;

/** One mark to write: a new mark when {@code current} is null, else an amendment of it. */
record MarkChange(long schoolId, long pupilId, long registerGroupId, LocalDate date, String session, MarkRow current, String code, int minutesLate,
        LocalTime arrivedAt, String source, String reason) {

    boolean changesNothing() {
        return current != null && current.code().equals(code) && current.minutesLate() == minutesLate;
    }
}
