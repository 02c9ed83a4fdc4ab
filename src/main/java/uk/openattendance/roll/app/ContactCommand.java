package uk.openattendance.roll.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.openattendance.roll.domain.Channel;

/**
 * A contact and how they stand to one pupil. The mobile may be written any UK way, or with its country code for a mobile
 * from abroad; it is stored as E.164, and a landline is refused (it cannot take texts). The postal address is optional;
 * without one (and without an email) a letter cannot reach this contact.
 */
@Introspected
@Schema(example = "{\"name\": \"Rhys Fenwright\", \"relationship\": \"Father\", \"parentalResponsibility\": true, \"livesWithPupil\": true, \"priority\": 1, \"mobile\": \"07700 900123\", \"email\": \"rhys.fenwright@example.org\", \"preferredChannel\": \"SMS\", \"noContact\": false, \"language\": \"en\", \"address\": {\"line1\": \"8 Example Parade\", \"line2\": \"Symondsbury\", \"line3\": \"West Dorset\", \"town\": \"Bridport\", \"postcode\": \"DT6 3AA\"}}")
public record ContactCommand(
        @NotBlank(message = "the contact's name") @Size(max = 200, message = "at most 200 characters") String name,
        @NotBlank(message = "the relationship to the pupil, e.g. Mother, Grandfather, Carer") @Size(max = 40, message = "at most 40 characters") String relationship,
        boolean parentalResponsibility,
        boolean livesWithPupil,
        @Min(value = 1, message = "a priority from 1 (first to call)") @Max(value = 20, message = "a priority up to 20") int priority,
        @Nullable @Size(max = 40, message = "at most 40 characters: a mobile number such as 07700 900123 or +353 85 012 3456") String mobile,
        @Nullable @Email(message = "an email address") @Size(max = 254, message = "at most 254 characters") String email,
        @Nullable @Schema(type = "string") Channel preferredChannel,
        boolean noContact,
        @Nullable @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "a language tag such as en, pl or pt-BR") String language,
        @Nullable @Valid @Schema(type = "object") AddressCommand address) {

    @JsonCreator
    public ContactCommand {}

    /** A contact with no postal address (most callers, and every contact created before addresses were kept). */
    public ContactCommand(String name, String relationship, boolean parentalResponsibility, boolean livesWithPupil, int priority, String mobile,
            String email, Channel preferredChannel, boolean noContact, String language) {
        this(name, relationship, parentalResponsibility, livesWithPupil, priority, mobile, email, preferredChannel, noContact, language, null);
    }
}
