package uk.openattendance.absence.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.school.domain.Session;

/**
 * A family's report of an absence: one or more children, from a session to a session (or until an expected return),
 * why, and whether evidence (an appointment card, a letter) will follow.
 */
@Introspected
@Schema(example = "{\"pupilIds\": [42], \"firstDate\": \"2026-11-23\", \"firstSession\": \"AM\", \"lastDate\": \"2026-11-24\", \"lastSession\": \"PM\", \"category\": \"ILLNESS\", \"reason\": \"Nia has a temperature and is staying in bed\", \"evidenceToFollow\": false}")
public record ReportAbsence(
        @NotEmpty(message = "the ids of the children this report is about") @Size(max = 8, message = "at most 8 children") List<@NotNull Long> pupilIds,
        @NotNull(message = "the first date of the absence, e.g. 2026-11-23") LocalDate firstDate,
        @Nullable @Schema(type = "string") Session firstSession,
        @Nullable LocalDate lastDate,
        @Nullable @Schema(type = "string") Session lastSession,
        @Nullable LocalDate expectedReturn,
        @NotNull(message = "one of ILLNESS, MEDICAL_APPOINTMENT, RELIGIOUS_OBSERVANCE, LATE_ARRIVAL, OTHER") ReportCategory category,
        @NotBlank(message = "the reason in the family's words") @Size(max = 1000, message = "at most 1000 characters") String reason,
        @Nullable Boolean evidenceToFollow,
        @Nullable Long contactId) {}
