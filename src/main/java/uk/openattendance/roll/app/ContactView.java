package uk.openattendance.roll.app;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.roll.domain.PostalAddress;

/**
 * A contact as one pupil's record shows them; {@code noContact} marks a court order: never message or release to them.
 * {@code address} is null when the school holds no postal address for them.
 */
@Schema(example = "{\"contactId\": 118, \"pupilId\": 42, \"schoolId\": 3, \"name\": \"Rhys Fenwright\", \"relationship\": \"Father\", \"parentalResponsibility\": true, \"livesWithPupil\": true, \"priority\": 1, \"mobile\": \"+447700900123\", \"email\": \"rhys.fenwright@example.org\", \"preferredChannel\": \"SMS\", \"noContact\": false, \"language\": \"en\", \"address\": {\"line1\": \"8 Example Parade\", \"line2\": \"Symondsbury\", \"line3\": \"West Dorset\", \"town\": \"Bridport\", \"postcode\": \"DT6 3AA\"}}")
public record ContactView(
        long contactId, long pupilId, long schoolId, String name, String relationship, boolean parentalResponsibility, boolean livesWithPupil,
        int priority, String mobile, String email, Channel preferredChannel, boolean noContact, String language,
        PostalAddress address) {}
