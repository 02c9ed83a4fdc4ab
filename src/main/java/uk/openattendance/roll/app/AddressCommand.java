package uk.openattendance.roll.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** A contact's postal address as written: line 1, town and postcode are needed together; lines 2 and 3 are optional. */
@Introspected
@Schema(example = "{\"line1\": \"8 Example Parade\", \"line2\": \"Symondsbury\", \"town\": \"Bridport\", \"postcode\": \"DT6 3AA\"}")
public record AddressCommand(
        @Nullable @Size(max = 100, message = "at most 100 characters") String line1,
        @Nullable @Size(max = 100, message = "at most 100 characters") String line2,
        @Nullable @Size(max = 100, message = "at most 100 characters") String line3,
        @Nullable @Size(max = 60, message = "at most 60 characters") String town,
        @Nullable @Size(max = 12, message = "a UK postcode such as SW1A 1AA") String postcode) {

    boolean blank() {
        return isBlank(line1) && isBlank(line2) && isBlank(line3) && isBlank(town) && isBlank(postcode);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
