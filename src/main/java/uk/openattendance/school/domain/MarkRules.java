package uk.openattendance.school.domain;

/** How long an N (reason not yet established) may stand, and whether it then becomes O automatically. */
public record MarkRules(int unresolvedNLimitSchoolDays, boolean convertUnresolvedNToO) {}
