package uk.openattendance.school.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The parts of a school that staff edit: name, zone, contact details and the origins allowed to embed our forms. */
@Introspected
public record SchoolDetails(
        @NotBlank(message = "the school's name") @Size(max = 200, message = "at most 200 characters") String name,
        @Nullable @Size(max = 64, message = "an IANA zone such as Europe/London") String zone,
        @Nullable @Size(max = 32, message = "at most 32 characters") String phone,
        @Nullable @Email(message = "an email address") String email,
        @Nullable @Size(max = 500, message = "at most 500 characters") String address,
        @Nullable @Size(max = 20, message = "at most 20 origins")
                List<@Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", message = "an origin such as https://www.school.example.org, with no path") String> allowedOrigins) {}
