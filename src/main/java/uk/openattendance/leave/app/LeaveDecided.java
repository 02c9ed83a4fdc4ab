package uk.openattendance.leave.app;

/** Published after a decision is committed: letters draft the decision letter, webhooks tell integrators. */
public record LeaveDecided(long schoolId, long requestId, long pupilId, String status) {}
