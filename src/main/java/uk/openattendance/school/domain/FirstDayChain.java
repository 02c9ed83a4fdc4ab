package uk.openattendance.school.domain;

import java.time.LocalTime;

/**
 * The first-day response to an unexplained absence, at the school's own local times: parents report by
 * {@code reportBy}; still-unexplained absences get a text at {@code firstTextAt}; the office phones from
 * {@code phoneFrom}; the designated lead is alerted at {@code escalateAt}; every absent child is known safe by {@code safeBy}.
 */
public record FirstDayChain(
        LocalTime reportBy,
        LocalTime firstTextAt,
        LocalTime phoneFrom,
        LocalTime escalateAt,
        LocalTime safeBy,
        boolean reportEachDay,
        ContactRouting routing,
        int missingEducationAfterSchoolDays) {}
