package uk.openattendance.roll.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDate;

@MappedEntity("pupil")
public record PupilRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String upn,
        String legalForename,
        String legalSurname,
        @Nullable String preferredForename,
        @Nullable String preferredSurname,
        LocalDate dateOfBirth,
        @Nullable String sex,
        String yearGroup,
        long registerGroupId,
        @Nullable String form,
        @Nullable String house,
        LocalDate startDate,
        @Nullable LocalDate leavingDate,
        boolean pupilPremium,
        String sendStatus,
        boolean freeSchoolMeals,
        boolean eal,
        boolean lookedAfter,
        boolean childInNeed,
        boolean hasSocialWorker,
        boolean youngCarer,
        boolean vulnerable,
        @Version @Nullable Long version) {}
