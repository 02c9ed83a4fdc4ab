package uk.openattendance.school.domain;

/** The two statutory registers of a school day (2024 regs, reg. 10(1)). */
public enum Session {
    AM,
    PM
}
