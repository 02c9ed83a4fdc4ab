package uk.openattendance.school.app;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(example = "{\"id\": 1, \"name\": \"Example Vale Learning Trust\"}")
public record TrustView(long id, String name) {}
