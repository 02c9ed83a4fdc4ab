package uk.openattendance.schedule.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

@Schema(example = "{\"id\": 880, \"kind\": \"REGISTERS_UNTAKEN\", \"date\": \"2026-11-23\", \"session\": \"AM\", \"dueAt\": \"2026-11-23T09:20:00Z\", \"latestAt\": \"2026-11-23T11:20:00Z\", \"status\": \"DONE\", \"attempts\": 1, \"outcome\": \"2 registers untaken; the office was told\", \"finishedAt\": \"2026-11-23T09:20:02Z\"}")
public record JobView(long id, String kind, LocalDate date, String session, Instant dueAt, Instant latestAt, String status, int attempts, String outcome,
        Instant finishedAt) {}
