package uk.openattendance.roll.app;

import uk.openattendance.roll.domain.Channel;

/** A contact as one pupil's record shows them; {@code noContact} marks a court order: never message or release to them. */
public record ContactView(
        long contactId, long pupilId, long schoolId, String name, String relationship, boolean parentalResponsibility, boolean livesWithPupil,
        int priority, String mobile, String email, Channel preferredChannel, boolean noContact, String language) {}
