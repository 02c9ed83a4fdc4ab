package uk.openattendance.school.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

@MappedEntity("term")
public record TermRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String academicYear,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        @Nullable LocalDate halfTermBreakStartsOn,
        @Nullable LocalDate halfTermBreakEndsOn) {}
