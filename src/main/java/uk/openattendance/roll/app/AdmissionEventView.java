package uk.openattendance.roll.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import uk.openattendance.roll.domain.DeletionGround;

/** An admission or a deletion, with the date the local authority must have been told by. */
@Schema(example = "{\"id\": 901, \"pupilId\": 42, \"kind\": \"DELETION\", \"effectiveOn\": \"2026-12-18\", \"ground\": \"REGISTERED_AT_ANOTHER_SCHOOL\", \"laReturnDueOn\": \"2027-01-07\", \"note\": \"Moved to Example Vale Academy\", \"recordedBy\": \"office@example.org\", \"recordedAt\": \"2026-12-18T15:30:00Z\"}")
public record AdmissionEventView(
        long id, long pupilId, String kind, LocalDate effectiveOn, DeletionGround ground, LocalDate laReturnDueOn, String note,
        String recordedBy, Instant recordedAt) {}
