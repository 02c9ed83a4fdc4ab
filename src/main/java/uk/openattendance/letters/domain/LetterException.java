package uk.openattendance.letters.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reason the office has recorded for not sending a pupil a kind of letter (a known medical condition, a
 * bereavement): the letter is still drafted when its trigger fires but kept SUPPRESSED, so the reason stays
 * beside the figures that would have caused it.
 */
public record LetterException(long id, long schoolId, long pupilId, String kind, String reason, LocalDate fromDate, LocalDate toDate,
        String recordedBy, Instant recordedAt) {

    /** A null kind covers every letter; a kind covers its own levels too (MEDICAL covers MEDICAL_TERM). */
    public boolean applies(long pupil, String letterKind, LocalDate day) {
        return pupilId == pupil && (kind == null || letterKind.startsWith(kind)) && !day.isBefore(fromDate) && (toDate == null || !day.isAfter(toDate));
    }

    public String why() {
        return "Exception recorded by " + recordedBy + ": " + reason;
    }
}
