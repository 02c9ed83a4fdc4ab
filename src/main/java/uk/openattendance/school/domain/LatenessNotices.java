package uk.openattendance.school.domain;

/** A text to parents when a pupil is marked L or U, sent once per session after the register closes. */
public record LatenessNotices(boolean enabled, ContactRouting routing) {}
