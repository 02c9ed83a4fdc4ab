package uk.openattendance.register.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The days a child is of compulsory school age, from their date of birth.
 *
 * <p>Start: Education Act 1996 s.8(2) and the Education (Start of Compulsory School Age) Order 1998: a child becomes of
 * compulsory school age on the first prescribed day (31 December, 31 March or 31 August) on or after their fifth
 * birthday. End: s.8(3)-(4): at the end of the school leaving date, the last Friday in June, of the school year
 * (September to August) in which they turn 16; a child who turns 16 in July or August, after that Friday, leaves on the
 * same Friday.
 */
public record CompulsorySchoolAge(LocalDate from, LocalDate to) {
    private static final List<MonthDay> PRESCRIBED_DAYS = List.of(MonthDay.of(3, 31), MonthDay.of(8, 31), MonthDay.of(12, 31));

    public static CompulsorySchoolAge of(LocalDate dateOfBirth) {
        LocalDate fifth = dateOfBirth.plusYears(5);
        LocalDate from = PRESCRIBED_DAYS.stream().map(d -> d.atYear(fifth.getYear())).filter(d -> !d.isBefore(fifth)).findFirst().orElseThrow();
        LocalDate sixteenth = dateOfBirth.plusYears(16);
        // the school year of the 16th birthday ends in the summer of this calendar year
        int summer = sixteenth.getMonthValue() >= 9 ? sixteenth.getYear() + 1 : sixteenth.getYear();
        LocalDate to = LocalDate.of(summer, 6, 30).with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
        return new CompulsorySchoolAge(from, to);
    }

    public boolean on(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
