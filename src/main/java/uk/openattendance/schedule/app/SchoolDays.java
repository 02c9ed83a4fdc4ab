package uk.openattendance.schedule.app;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the planner needs of a school's day. Schedule owns this port and the register's cached school settings
 * implement it, so the register's jobs may plug into the scheduler while the scheduler knows nothing of the register.
 */
public interface SchoolDays {
    /** Today in the school's zone; {@code settingsStamp} changes whenever the calendar, zone or groups change, on any replica. */
    record Today(LocalDate date, boolean schoolDay, ZoneId zone, long settingsStamp) {}

    Today today(long schoolId);

    ZoneId zone(long schoolId);
}
