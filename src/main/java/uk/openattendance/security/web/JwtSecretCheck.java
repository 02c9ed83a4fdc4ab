package uk.openattendance.security.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses to start without a usable signing key. HS256 with a key shorter than 256 bits is refused by the JWT library
 * only when the first token is signed, so without this check the service would start, answer healthy, and give 500 on
 * every sign-in.
 */
@Context
public class JwtSecretCheck {
    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final int MIN_BYTES = 32;

    public JwtSecretCheck(Environment environment) {
        String secret;
        try {
            secret = environment.getProperty(PROPERTY, String.class).orElse(null);
        } catch (ConfigurationException unresolved) {
            secret = null;
        }
        if (secret == null || secret.isBlank()) {
            throw new ConfigurationException("JWT_SECRET is not set: give every replica the same random key of at least " + MIN_BYTES
                    + " bytes, e.g. JWT_SECRET=\"$(openssl rand -hex 32)\"");
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new ConfigurationException("JWT_SECRET is " + bytes + " bytes; HS256 needs at least " + MIN_BYTES
                    + " bytes (256 bits), e.g. JWT_SECRET=\"$(openssl rand -hex 32)\"");
        }
    }
}
