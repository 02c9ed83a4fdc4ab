package uk.openattendance.roll.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("admission_event")
public record AdmissionEventRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        long pupilId,
        String kind,
        LocalDate effectiveOn,
        @Nullable String ground,
        LocalDate laReturnDueOn,
        @Nullable String note,
        String recordedBy,
        Instant recordedAt) {}
