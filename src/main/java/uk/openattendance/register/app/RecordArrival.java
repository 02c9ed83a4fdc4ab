package uk.openattendance.register.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/** A pupil signed in at the office after the register was taken; the time defaults to now. */
@Introspected
@Schema(example = "{\"pupilId\": 42, \"arrivedAt\": \"09:24\"}")
public record RecordArrival(@NotNull(message = "the pupil's id") Long pupilId, @Nullable LocalTime arrivedAt) {}
