package uk.openattendance.absence.persistence;

/**
 * Where an absence report stands, stored by name in {@code absence_report.status}. Every report is written ACTIVE and
 * stays so; the reads that explain marks keep to ACTIVE reports, so a report could later be withdrawn without them
 * counting it.
 */
public enum AbsenceReportStatus {
    ACTIVE
}
