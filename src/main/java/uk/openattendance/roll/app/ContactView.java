package uk.openattendance.roll.app;

import uk.openattendance.roll.domain.Channel;
import uk.openattendance.roll.domain.PostalAddress;

/**
 * A contact as one pupil's record shows them; {@code noContact} marks a court order: never message or release to them.
 * {@code address} is null when the school holds no postal address for them.
 */
public record ContactView(
        long contactId, long pupilId, long schoolId, String name, String relationship, boolean parentalResponsibility, boolean livesWithPupil,
        int priority, String mobile, String email, Channel preferredChannel, boolean noContact, String language,
        PostalAddress address) {}
