package uk.openattendance.register.app;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A pupil's current mark for one session; send {@code version} back when changing it. */
@Schema(example = "{\"pupilId\": 42, \"date\": \"2026-11-23\", \"session\": \"AM\", \"code\": \"I\", \"meaning\": \"Illness (not medical or dental appointments)\", \"minutesLate\": 0, \"source\": \"AMENDMENT\", \"version\": 2, \"recordedBy\": \"office@example.org\", \"recordedAt\": \"2026-11-23T09:41:05Z\"}")
public record MarkView(
        long pupilId, LocalDate date, String session, String code, String meaning, int minutesLate, @Nullable LocalTime arrivedAt, String source, int version,
        String recordedBy, Instant recordedAt) {}
