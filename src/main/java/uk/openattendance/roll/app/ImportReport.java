package uk.openattendance.roll.app;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an import did; importing the same file again reports everything unchanged. */
@Schema(example = "{\"rows\": 212, \"created\": 5, \"updated\": 14, \"unchanged\": 193}")
public record ImportReport(int rows, int created, int updated, int unchanged) {}
