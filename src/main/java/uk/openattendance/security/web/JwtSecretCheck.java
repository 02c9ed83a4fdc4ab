package uk.openattendance.security.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import uk.openattendance.platform.settings.SettingsRules;

/**
 * Refuses to start without a usable signing key. HS256 with a key shorter than 256 bits is refused by the JWT library
 * only when the first token is signed, so without this check the service would start, answer healthy, and give 500 on
 * every sign-in. The rule itself is {@link SettingsRules#jwtSecret}, which the startup check of every setting also applies.
 */
@Context
public class JwtSecretCheck {
    static final String PROPERTY = SettingsRules.JWT_SECRET;
    static final int MIN_BYTES = SettingsRules.MIN_JWT_SECRET_BYTES;

    public JwtSecretCheck(Environment environment) {
        String secret;
        try {
            secret = environment.getProperty(PROPERTY, String.class).orElse(null);
        } catch (ConfigurationException unresolved) {
            secret = null;
        }
        SettingsRules.jwtSecret(secret).ifPresent(problem -> {
            throw new ConfigurationException(problem);
        });
    }
}
