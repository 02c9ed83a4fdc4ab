package uk.openattendance.school.domain;

public enum ClosureKind {
    INSET,
    BANK_HOLIDAY,
    PLANNED_PARTIAL,
    PLANNED_WHOLE_SCHOOL,
    OTHER
}
