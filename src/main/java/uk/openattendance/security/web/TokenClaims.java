package uk.openattendance.security.web;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.generator.claims.JWTClaimsSetGenerator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Every token we sign names us as issuer ({@code JWT_ISSUER}) and this API as audience ({@code JWT_AUDIENCE}), and
 * a token is accepted only if it has an expiry and names exactly those. Micronaut's own issuer check accepts any
 * issuer that merely ends with ours, and its expiry check passes a token that has none; its not-before check is on.
 */
public final class TokenClaims {
    private TokenClaims() {}

    @Singleton
    @Replaces(JWTClaimsSetGenerator.class)
    public static class Generator extends JWTClaimsSetGenerator {
        private final String issuer;
        private final String audience;

        public Generator(TokenConfiguration tokenConfiguration, @Nullable JtiGenerator jwtIdGenerator, @Nullable ClaimsAudienceProvider audienceProvider,
                @Nullable ApplicationConfiguration applicationConfiguration, @Value("${attendance.tokens.issuer}") String issuer,
                @Value("${attendance.tokens.audience}") String audience) {
            super(tokenConfiguration, jwtIdGenerator, audienceProvider, applicationConfiguration);
            this.issuer = issuer;
            this.audience = audience;
        }

        @Override
        protected void populateIss(JWTClaimsSet.Builder builder) {
            builder.issuer(issuer);
        }

        @Override
        protected void populateAud(JWTClaimsSet.Builder builder) {
            builder.audience(audience);
        }
    }

    @Singleton
    public static class Validator<T> implements GenericJwtClaimsValidator<T> {
        private final String issuer;
        private final String audience;

        public Validator(@Value("${attendance.tokens.issuer}") String issuer, @Value("${attendance.tokens.audience}") String audience) {
            this.issuer = issuer;
            this.audience = audience;
        }

        @Override
        public boolean validate(Claims claims, @Nullable T request) {
            if (claims.get(Claims.EXPIRATION_TIME) == null) {
                return false;
            }
            Object iss = claims.get(Claims.ISSUER);
            if (iss == null || !issuer.equals(iss.toString())) {
                return false;
            }
            Object aud = claims.get(Claims.AUDIENCE);
            if (aud instanceof Collection<?> many) {
                return many.stream().anyMatch(a -> audience.equals(String.valueOf(a)));
            }
            return aud != null && audience.equals(aud.toString());
        }
    }
}
