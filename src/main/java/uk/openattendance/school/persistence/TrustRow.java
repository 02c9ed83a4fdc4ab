package uk.openattendance.school.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("trust")
public record TrustRow(@Id @GeneratedValue @Nullable Long id, String name, @Nullable String policyDefaults, int policyVersion, Instant createdAt) {}
