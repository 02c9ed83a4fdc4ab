package uk.openattendance.school.app;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(example = "{\"id\": 3, \"trustId\": 1, \"urn\": \"100000\", \"name\": \"Example Hill Primary\", \"zone\": \"Europe/London\", \"phone\": \"020 7946 0000\", \"email\": \"office@example.org\", \"address\": \"1 Example Hill, Bridport DT6 3AA\", \"allowedOrigins\": [\"https://example-hill.example.org\"], \"presetKey\": \"primary-gloucestershire\", \"version\": 4}")
public record SchoolView(
        long id, @Nullable Long trustId, String urn, String name, String zone, String phone, String email, String address,
        List<String> allowedOrigins, String presetKey, long version) {}
