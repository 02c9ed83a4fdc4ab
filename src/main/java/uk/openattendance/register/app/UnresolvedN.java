package uk.openattendance.register.app;

import java.time.LocalDate;

/** An N (reason not yet established) still waiting for a reason, with how many school days it has waited. */
public record UnresolvedN(long pupilId, String pupilName, LocalDate date, String session, int schoolDaysOld, boolean overdue, int version) {}
