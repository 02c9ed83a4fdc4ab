package uk.openattendance.followup.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

@MappedEntity("missing_education_flag")
public record MissingEducationFlagRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        long pupilId,
        LocalDate sinceDate,
        LocalDate flaggedOn,
        int schoolDays) {}
