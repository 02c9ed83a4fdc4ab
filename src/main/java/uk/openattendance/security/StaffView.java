package uk.openattendance.security;

public record StaffView(long id, String email, String displayName, Role role, Long schoolId, Long trustId) {}
