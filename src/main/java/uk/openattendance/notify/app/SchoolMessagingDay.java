package uk.openattendance.notify.app;

import java.time.ZoneId;
import uk.openattendance.school.domain.MessagingRules;

/**
 * What the dispatcher needs of a school: its zone (quiet hours are local time) and its messaging rules. Notify owns
 * this port and the register's cached school settings implement it, so the register may send through the outbox
 * while notify knows nothing of the register.
 */
public interface SchoolMessagingDay {
    ZoneId zone(long schoolId);

    MessagingRules messaging(long schoolId);
}
