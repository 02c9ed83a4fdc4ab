package uk.openattendance.school.domain;

import java.time.LocalTime;

/**
 * How a school's messages reach families. No text leaves between {@code quietFrom} and {@code quietUntil} (school
 * time); it waits for the morning. A contact who has opted out of texts is emailed instead when {@code emailWhenOptedOut}.
 * Alerts about children not known to be safe go to {@code designatedLeadEmail} (the school's email when unset).
 */
public record MessagingRules(
        LocalTime quietFrom,
        LocalTime quietUntil,
        boolean emailWhenOptedOut,
        String designatedLeadEmail) {

    public static MessagingRules standard() {
        return new MessagingRules(LocalTime.of(20, 0), LocalTime.of(7, 30), true, null);
    }

    /** Whether a message may go at this local time. */
    public boolean quietAt(LocalTime time) {
        if (quietFrom == null || quietUntil == null) {
            return false;
        }
        return quietFrom.isAfter(quietUntil)
                ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }
}
