package uk.openattendance.register.domain;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One register code as the law defines it over a period. A code whose meaning changed in August 2024 (B, C, X) has two
 * entries with different dates, so a mark keeps the meaning it had on its own date.
 *
 * @param possibleSession     counts in the denominator of attendance figures
 * @param attendance          counts as attending (present or approved educational activity)
 * @param penaltyNoticeCount  counts toward the national penalty-notice threshold (G, N, O, U)
 * @param leaveOfAbsence      one of regulation 11's grounds for leave of absence (C, C1, C2, J1, M, S)
 * @param needsAdvanceLeave   given only where leave the school approved in advance covers the session; M is leave too,
 *                            but schools record it from the appointment's evidence on the day (seeds/001)
 * @param effectiveTo         null while in force; retired codes keep it for history and imports
 */
@Schema(example = "{\"code\": \"I\", \"meaning\": \"Illness (not medical or dental appointments)\", \"category\": \"AUTHORISED_ABSENCE\", \"possibleSession\": true, \"attendance\": false, \"penaltyNoticeCount\": false, \"leaveOfAbsence\": false, \"needsAdvanceLeave\": false, \"effectiveFrom\": \"2024-08-19\", \"effectiveTo\": null, \"replacedBy\": null}")
public record AttendanceCode(
        String code,
        String meaning,
        CodeCategory category,
        boolean possibleSession,
        boolean attendance,
        boolean penaltyNoticeCount,
        boolean leaveOfAbsence,
        boolean needsAdvanceLeave,
        LocalDate effectiveFrom,
        @Schema(nullable = true) LocalDate effectiveTo,
        @Schema(nullable = true) String replacedBy) {

    public AttendanceCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public boolean isAuthorisedAbsence() {
        return category == CodeCategory.AUTHORISED_ABSENCE;
    }

    public boolean isUnauthorisedAbsence() {
        return category == CodeCategory.UNAUTHORISED_ABSENCE;
    }

    public boolean isRetired() {
        return effectiveTo != null;
    }
}
