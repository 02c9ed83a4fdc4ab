package uk.openattendance.leave.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

@MappedEntity("assessment_period")
public record AssessmentPeriodRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String name,
        LocalDate startsOn,
        LocalDate endsOn) {}
