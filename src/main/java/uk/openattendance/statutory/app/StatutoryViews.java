package uk.openattendance.statutory.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the statutory prompts show and take. */
public final class StatutoryViews {
    private StatutoryViews() {}

    /** A pupil the national framework says to consider a penalty notice for, with where each parent stands on the 2-in-3-years cap. */
    @Schema(example = "{\"pupilId\": 57, \"pupilName\": \"Maya Trevelyan\", \"unauthorisedSessions\": 12, \"schoolWeeks\": 10, \"windowFrom\": \"2026-09-21\", \"windowTo\": \"2026-11-27\", \"parents\": [{\"contactId\": 131, \"name\": \"Gareth Trevelyan\", \"relationship\": \"Father\", \"livesWithPupil\": true, \"noticesInThreeYears\": 0, \"next\": \"FIRST\", \"amountPence\": 16000, \"reducedAmountPence\": 8000, \"availableFrom\": \"2026-11-27\", \"advice\": \"A first notice: £160, reduced to £80 if paid within 21 days\"}], \"noticesIssued\": []}")
    public record PenaltyConsideration(long pupilId, String pupilName, int unauthorisedSessions, int schoolWeeks, LocalDate windowFrom,
            LocalDate windowTo, List<ParentStanding> parents, List<PenaltyNotice> noticesIssued) {}

    public record ParentStanding(long contactId, String name, String relationship, boolean livesWithPupil, int noticesInThreeYears, String next,
            Integer amountPence, Integer reducedAmountPence, LocalDate availableFrom, String advice) {}

    @Schema(example = "{\"id\": 14, \"pupilId\": 57, \"contactId\": 131, \"parentName\": \"Gareth Trevelyan\", \"issuedOn\": \"2026-12-02\", \"noticeNumber\": 1, \"amountPence\": 16000, \"reducedAmountPence\": 8000, \"reference\": \"DC-PN-2026-0412\", \"unauthorisedSessions\": 12, \"windowFrom\": \"2026-09-21\", \"windowTo\": \"2026-11-27\", \"note\": \"Holiday in term time not granted (G), 16-20 November\", \"recordedBy\": \"attendance@example.org\", \"recordedAt\": \"2026-12-02T11:05:00Z\"}")
    public record PenaltyNotice(long id, long pupilId, long contactId, String parentName, LocalDate issuedOn, int noticeNumber, int amountPence,
            Integer reducedAmountPence, String reference, Integer unauthorisedSessions, LocalDate windowFrom, LocalDate windowTo, String note,
            String recordedBy, Instant recordedAt) {}

    /** A notice the local authority issued at the school's request: to one parent, for one child. */
    @Introspected
    @Schema(example = "{\"pupilId\": 57, \"contactId\": 131, \"issuedOn\": \"2026-12-02\", \"reference\": \"DC-PN-2026-0412\", \"note\": \"Holiday in term time not granted (G), 16-20 November\"}")
    public record RecordPenaltyNotice(
            @NotNull(message = "the id of the child the notice is about") Long pupilId,
            @NotNull(message = "the id of the parent the notice was issued to (a contact with parental responsibility)") Long contactId,
            @NotNull(message = "the date the notice was issued, e.g. 2026-11-20") LocalDate issuedOn,
            @Nullable @Size(max = 100, message = "at most 100 characters") String reference,
            @Nullable @Size(max = 1000, message = "at most 1000 characters") String note) {}

    public enum ReturnKind { NEW_PUPIL, DELETION, CONTINUOUS_UNAUTHORISED, ILLNESS }

    public enum ReturnStatus { OVERDUE, DUE, MADE }

    /** A return the local authority is owed, when, and why; MADE once the school records it. */
    @Schema(example = "{\"pupilId\": 57, \"pupilName\": \"Maya Trevelyan\", \"kind\": \"CONTINUOUS_UNAUTHORISED\", \"triggerKey\": \"CONTINUOUS_UNAUTHORISED:57:2026-11-09\", \"dueOn\": \"2026-11-24\", \"why\": \"10 school days of continuous unauthorised absence from 9 November\", \"status\": \"MADE\", \"madeOn\": \"2026-11-24\", \"reference\": \"DC-CME-2026-118\", \"recordedBy\": \"attendance@example.org (Attendance officer)\"}")
    public record ReturnDue(long pupilId, String pupilName, ReturnKind kind, String triggerKey, LocalDate dueOn, String why, ReturnStatus status,
            LocalDate madeOn, String reference, String recordedBy) {}

    @Introspected
    @Schema(example = "{\"pupilId\": 57, \"kind\": \"CONTINUOUS_UNAUTHORISED\", \"triggerKey\": \"CONTINUOUS_UNAUTHORISED:57:2026-11-09\", \"madeOn\": \"2026-11-24\", \"reference\": \"DC-CME-2026-118\"}")
    public record RecordReturnMade(
            @NotNull(message = "the id of the pupil the return is about") Long pupilId,
            @NotNull(message = "one of NEW_PUPIL, DELETION, CONTINUOUS_UNAUTHORISED, ILLNESS") ReturnKind kind,
            @NotBlank(message = "the triggerKey GET .../local-authority-returns-due gives") @Size(max = 64, message = "at most 64 characters") String triggerKey,
            @NotNull(message = "the date the return was sent, e.g. 2026-11-20") LocalDate madeOn,
            @Nullable @Size(max = 100, message = "at most 100 characters") String reference) {}
}
