package uk.openattendance.school.app;

import java.util.List;

public record SchoolView(
        long id, Long trustId, String urn, String name, String zone, String phone, String email, String address,
        List<String> allowedOrigins, String presetKey, long version) {}
