package uk.openattendance.letters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import uk.openattendance.letters.domain.LetterException;

/** A reason recorded not to send a pupil's letters; {@code kind} null covers every letter, {@code toDate} null has no end. */
@MappedEntity("letter_exception")
public record LetterExceptionRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        long pupilId,
        @Nullable String kind,
        String reason,
        LocalDate fromDate,
        @Nullable LocalDate toDate,
        String recordedBy,
        Instant recordedAt) {

    LetterException exception() {
        return new LetterException(id, schoolId, pupilId, kind, reason, fromDate, toDate, recordedBy, recordedAt);
    }
}
