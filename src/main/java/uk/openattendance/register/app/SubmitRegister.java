package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;

/**
 * A register group's or class's marks for one session. A mark gives a code, or an arrival time from which the
 * pupil's register-group timings decide present, L or U. Changing a mark already taken needs a reason and the
 * version last seen.
 *
 * <p>{@code takenAtRegistration}: the marks were taken on paper at registration and are typed in later (the fallback on
 * a day the network is down). A present mark then means present at registration, not "arrived now", whatever the time;
 * who took the paper register is kept in the history beside who typed it in.
 */
@Introspected
@Schema(example = "{\"marks\": [{\"pupilId\": 42, \"code\": \"/\"}, {\"pupilId\": 43, \"code\": \"L\", \"arrivedAt\": \"08:58\"}, {\"pupilId\": 44, \"code\": \"N\"}]}")
public record SubmitRegister(
        @NotNull(message = "the marks, one per pupil") @Size(min = 1, max = 2000, message = "between 1 and 2000 marks") List<@Valid @NotNull Entry> marks,
        @Nullable @Size(max = 500, message = "at most 500 characters") String reason,
        @Nullable @Valid @Schema(type = "object") TakenAtRegistration takenAtRegistration) {

    @Creator
    public SubmitRegister {}

    /**
     * Consistent with the record's equals, and cheap: the validator keeps every bean it validates in a hash set and
     * hashes it for each constraint, and a record's generated hash of 30 marks (through method handles) was a tenth of
     * a register save's CPU at 50 clients.
     */
    @Override
    public int hashCode() {
        return marks == null ? 0 : marks.size();
    }

    public SubmitRegister(List<Entry> marks, String reason) {
        this(marks, reason, null);
    }

    /** Who took the register on paper, as the history should name them (e.g. "Mrs A Patel, class teacher"). */
    @Introspected
    public record TakenAtRegistration(
            @NotBlank(message = "who took the register on paper, e.g. 'Mrs A Patel, class teacher'") @Size(max = 120, message = "at most 120 characters")
            String takenBy) {}

    @Introspected
    public record Entry(
            @NotNull(message = "the pupil's id") Long pupilId,
            @Nullable @Pattern(regexp = "[A-Z0-9/\\\\#]{1,3}", message = "a register code such as /, \\\\, L, N, I or Y1; see GET /api/v1/attendance-codes") String code,
            @Nullable LocalTime arrivedAt,
            @Nullable Integer version,
            @Nullable @Size(max = 500, message = "at most 500 characters") String reason) {

        /** Consistent with the record's equals; cheap, as {@link SubmitRegister#hashCode()} explains. */
        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(pupilId) + java.util.Objects.hashCode(code);
        }
    }
}
