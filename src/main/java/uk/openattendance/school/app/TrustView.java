package uk.openattendance.school.app;

public record TrustView(long id, String name) {}
