package uk.openattendance.register.app;

import java.time.LocalDate;

/**
 * A mark written: first entry ({@code oldCode} null) or amendment. Told to listeners inside the writing transaction.
 * {@code source} says how it came (REGISTER, PAPER_REGISTER, IMPORT, AMENDMENT, PLANNED, SYSTEM).
 */
public record MarkChanged(long schoolId, long pupilId, long registerGroupId, LocalDate date, String session, String oldCode, String newCode, String source,
        String changedBy) {

    public boolean firstMark() {
        return oldCode == null;
    }
}
