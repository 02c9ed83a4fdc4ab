package uk.openattendance.school.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

@MappedEntity("closure")
public record ClosureRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        LocalDate closedOn,
        String sessions,
        @Nullable Long registerGroupId,
        String kind,
        @Nullable String description) {}
