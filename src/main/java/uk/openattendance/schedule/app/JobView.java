package uk.openattendance.schedule.app;

import java.time.Instant;
import java.time.LocalDate;

public record JobView(long id, String kind, LocalDate date, String session, Instant dueAt, Instant latestAt, String status, int attempts, String outcome,
        Instant finishedAt) {}
