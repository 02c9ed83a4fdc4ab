package uk.openattendance.security;

import java.util.Set;

/** The key is shown once, here; only its hash is kept. */
public record ApiClientCreated(long id, String name, Long schoolId, Long trustId, Set<Permission> scopes, String apiKey) {}
