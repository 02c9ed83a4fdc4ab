package uk.openattendance.roll.app;

import java.time.Instant;
import java.time.LocalDate;
import uk.openattendance.roll.domain.DeletionGround;

/** An admission or a deletion, with the date the local authority must have been told by. */
public record AdmissionEventView(
        long id, long pupilId, String kind, LocalDate effectiveOn, DeletionGround ground, LocalDate laReturnDueOn, String note,
        String recordedBy, Instant recordedAt) {}
