package uk.openattendance.roll.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("pupil_contact")
public record PupilContactRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        long pupilId,
        long contactId,
        String relationship,
        boolean parentalResponsibility,
        boolean livesWithPupil,
        int priority,
        boolean noContact) {}
