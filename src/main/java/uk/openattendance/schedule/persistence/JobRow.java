package uk.openattendance.schedule.persistence;

import java.time.Instant;
import java.time.LocalDate;

public record JobRow(long id, long schoolId, String kind, LocalDate runDate, String session, Instant dueAt, Instant latestAt, JobStatus status, int attempts,
        String leaseOwner, Instant leaseUntil, String outcome, Instant finishedAt) {}
