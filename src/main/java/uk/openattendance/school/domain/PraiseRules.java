package uk.openattendance.school.domain;

import java.math.BigDecimal;

/** Praise messages to families; a null threshold or false switches that praise off. */
public record PraiseRules(
        boolean weeklyFullAttendance,
        BigDecimal halfTermlyExcellentFrom,
        boolean halfTermlyFullAttendance,
        boolean termlyFullAttendance,
        BigDecimal improvementByPoints,
        ContactRouting routing) {}
