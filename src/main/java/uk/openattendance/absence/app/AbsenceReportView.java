package uk.openattendance.absence.app;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

@Schema(example = "{\"id\": 501, \"reportGroup\": \"rg_7f3a\", \"pupilId\": 42, \"pupilName\": \"Nia Fenwright\", \"firstDate\": \"2026-11-23\", \"firstSession\": \"AM\", \"lastDate\": \"2026-11-24\", \"lastSession\": \"PM\", \"category\": \"ILLNESS\", \"suggestedCode\": \"I\", \"reason\": \"Nia has a temperature and is staying in bed\", \"channel\": \"PARENT_APP\", \"contactId\": 118, \"evidenceToFollow\": false, \"marksExplained\": 0, \"recordedBy\": \"parent:118\", \"recordedAt\": \"2026-11-23T07:42:10Z\"}")
public record AbsenceReportView(long id, String reportGroup, long pupilId, String pupilName, LocalDate firstDate, String firstSession, LocalDate lastDate,
        String lastSession, @Nullable LocalDate expectedReturn, String category, String suggestedCode, String reason, String channel, Long contactId,
        boolean evidenceToFollow, int marksExplained, String recordedBy, Instant recordedAt,
        /* whose report it is, for its GraphQL global id; REST's path names the school already */
        @com.fasterxml.jackson.annotation.JsonIgnore @Schema(hidden = true) long schoolId) {}
