package uk.openattendance.roll.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The MIS's id for one of our pupils or contacts ({@code kind} PUPIL or CONTACT). */
@MappedEntity("external_ref")
public record ExternalRefRow(@Id @GeneratedValue @Nullable Long id, long schoolId, String kind, long localId, String externalId) {
    public static final String PUPIL = "PUPIL";
    public static final String CONTACT = "CONTACT";
}
