package uk.openattendance.roll.app;

/** What an import did; importing the same file again reports everything unchanged. */
public record ImportReport(int rows, int created, int updated, int unchanged) {}
