package uk.openattendance.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("staff_role")
public record StaffRoleRow(@Id @GeneratedValue @Nullable Long id, long staffId, @Nullable Long schoolId, @Nullable Long trustId, String role) {}
