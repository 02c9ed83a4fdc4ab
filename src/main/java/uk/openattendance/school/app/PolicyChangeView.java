package uk.openattendance.school.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** One change to a school's policy: the merge patch as sent, who sent it and when. */
@Schema(example = "{\"version\": 5, \"patch\": {\"firstDay\": {\"phoneFrom\": \"10:00\"}}, \"changedBy\": \"head@example.org\", \"changedAt\": \"2026-11-18T16:40:00Z\"}")
public record PolicyChangeView(int version, Map<String, Object> patch, String changedBy, Instant changedAt) {}
