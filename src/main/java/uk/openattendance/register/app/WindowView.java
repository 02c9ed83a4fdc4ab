package uk.openattendance.register.app;

import java.time.LocalDate;

/** The window a figure covers, stated beside every percentage. */
public record WindowView(String description, LocalDate from, LocalDate to) {}
