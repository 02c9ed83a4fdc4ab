package uk.openattendance.security;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(example = "{\"id\": 12, \"email\": \"office@example.org\", \"displayName\": \"Dana Ashcombe\", \"role\": \"OFFICE\", \"schoolId\": 3}")
public record StaffView(long id, String email, String displayName, Role role, @Nullable Long schoolId, @Nullable Long trustId) {}
