package uk.openattendance.followup.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import uk.openattendance.followup.domain.CallOutcome;

/** One phone call the office logged on a follow-up case; reached through its case, which carries the school. */
@MappedEntity("call_attempt")
public record CallAttemptRow(
        @Id @GeneratedValue @Nullable Long id,
        long caseId,
        @Nullable Long contactId,
        CallOutcome outcome,
        @Nullable String note,
        String recordedBy,
        Instant recordedAt) {}
