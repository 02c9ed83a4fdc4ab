package uk.openattendance.roll.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

@MappedEntity("contact")
public record ContactRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String fullName,
        @Nullable String mobileE164,
        @Nullable String email,
        String preferredChannel,
        String language,
        @Nullable String addressLine1,
        @Nullable String addressLine2,
        @Nullable String addressLine3,
        @Nullable String town,
        @Nullable String postcode,
        @Version @Nullable Long version) {}
