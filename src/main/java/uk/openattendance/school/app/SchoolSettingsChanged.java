package uk.openattendance.school.app;

/** Published when a school's details, calendar or register groups change, so readers that cache them can let go. */
public record SchoolSettingsChanged(long schoolId) {}
