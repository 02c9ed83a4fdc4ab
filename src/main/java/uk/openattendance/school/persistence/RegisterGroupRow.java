package uk.openattendance.school.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalTime;

@MappedEntity("register_group")
public record RegisterGroupRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String name,
        int sortOrder,
        LocalTime amOpensAt,
        LocalTime amLateAfter,
        LocalTime amClosesAt,
        LocalTime amUnauthorisedAfter,
        LocalTime pmOpensAt,
        LocalTime pmLateAfter,
        LocalTime pmClosesAt,
        LocalTime pmUnauthorisedAfter,
        @Version @Nullable Long version) {}
