package uk.openattendance.absence.domain;

public enum ReportChannel {
    SMS_REPLY,
    WEB_FORM,
    PARENT_APP,
    PHONE_CALL,
    EMAIL,
    IN_PERSON
}
