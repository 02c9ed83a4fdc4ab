package uk.openattendance.security;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/** The key is shown once, here; only its hash is kept. */
@Schema(example = "{\"id\": 4, \"name\": \"MIS sync\", \"schoolId\": 3, \"scopes\": [\"ROLL_READ\", \"ROLL_WRITE\"], \"apiKey\": \"oa_live_3f9c1d7e5b2a4c6e8f0a1b3c5d7e9f1a\"}")
public record ApiClientCreated(long id, String name, @Nullable Long schoolId, @Nullable Long trustId, Set<Permission> scopes, String apiKey) {}
