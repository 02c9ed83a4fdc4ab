package uk.openattendance.school.domain;

/** Which of a pupil's contacts a kind of message goes to. Contacts under a 'no contact' order are never included. */
public enum ContactRouting {
    PRIORITY_ONE,
    ALL_WITH_PARENTAL_RESPONSIBILITY,
    RESIDENT_WITH_PARENTAL_RESPONSIBILITY
}
