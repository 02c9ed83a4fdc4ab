package uk.openattendance.letters.domain;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A reason the office has recorded for not sending a pupil a kind of letter (a known medical condition, a
 * bereavement): the letter is still drafted when its trigger fires but kept SUPPRESSED, so the reason stays
 * beside the figures that would have caused it.
 */
@Schema(example = "{\"id\": 23, \"schoolId\": 3, \"pupilId\": 44, \"kind\": \"ATTENDANCE\", \"reason\": \"Known medical condition: consultant's letter on file\", \"fromDate\": \"2026-09-03\", \"toDate\": \"2027-07-21\", \"recordedBy\": \"office@example.org (Office staff)\", \"recordedAt\": \"2026-09-10T13:20:00Z\"}")
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
