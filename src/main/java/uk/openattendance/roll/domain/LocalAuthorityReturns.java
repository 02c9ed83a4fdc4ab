package uk.openattendance.roll.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/** When the local authority must hear of an admission or a deletion. */
public final class LocalAuthorityReturns {
    /** 2024 regs, reg. 13: a new pupil's details within five school days of entry. */
    public static final int ADMISSION_SCHOOL_DAYS = 5;

    private LocalAuthorityReturns() {}

    public static LocalDate admissionDue(LocalDate admittedOn, Predicate<LocalDate> isSchoolDay) {
        LocalDate day = admittedOn;
        int counted = 0;
        for (int guard = 0; counted < ADMISSION_SCHOOL_DAYS && guard < 400; guard++) {
            day = day.plusDays(1);
            if (isSchoolDay.test(day)) {
                counted++;
            }
        }
        return day;
    }

    /** A deletion is notified as soon as its ground is met and before the name is removed: due on the deletion date. */
    public static LocalDate deletionDue(LocalDate deletedOn) {
        return deletedOn;
    }

    /** Where a school has not entered its calendar yet, weekdays stand in for school days. */
    public static boolean isWeekday(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
