package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** An N (reason not yet established) still waiting for a reason, with how many school days it has waited. */
@Schema(example = "{\"pupilId\": 44, \"pupilName\": \"Ollie Penhallow\", \"date\": \"2026-11-16\", \"session\": \"PM\", \"schoolDaysOld\": 5, \"overdue\": true, \"version\": 1}")
public record UnresolvedN(long pupilId, String pupilName, LocalDate date, String session, int schoolDaysOld, boolean overdue, int version) {}
