package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;

/** A register group's name and times; {@code version} is required when changing an existing group. */
@Introspected
@Schema(example = "{\"name\": \"Year 2\", \"am\": {\"opensAt\": \"08:40\", \"lateAfter\": \"08:50\", \"closesAt\": \"09:10\", \"unauthorisedAfter\": \"09:10\"}, \"pm\": {\"opensAt\": \"13:00\", \"lateAfter\": \"13:05\", \"closesAt\": \"13:20\", \"unauthorisedAfter\": \"13:20\"}}")
public record RegisterGroupCommand(
        @NotBlank(message = "the group's name, e.g. Nursery or Year 7") @Size(max = 80, message = "at most 80 characters") String name,
        @NotNull(message = "the morning register times") @Valid Times am,
        @NotNull(message = "the afternoon register times") @Valid Times pm,
        @Nullable Long version) {

    @Introspected
    public record Times(
            @NotNull(message = "a time as HH:MM") LocalTime opensAt,
            @NotNull(message = "a time as HH:MM") LocalTime lateAfter,
            @NotNull(message = "a time as HH:MM") LocalTime closesAt,
            @NotNull(message = "a time as HH:MM") LocalTime unauthorisedAfter) {}
}
