package uk.openattendance.platform.settings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings an operator can get wrong in a way the service would otherwise only show later, as a 500 on the first
 * sign-in or a text that never leaves: each rule names the environment variable to fix. Pure: it is given a lookup of
 * resolved settings by property name (blank or absent means "not set").
 */
public final class SettingsRules {
    public static final String JWT_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    public static final String NOTIFY_SINK = "notify.sink";
    public static final String PUBLIC_BASE_URL = "attendance.public-base-url";
    public static final int MIN_JWT_SECRET_BYTES = 32;

    /** What sending for real needs, by property, with the variable README tells an operator to set. */
    private static final Map<String, String> SEND_NEEDS = new LinkedHashMap<>();

    static {
        SEND_NEEDS.put("notify.twilio.account-sid", "TWILIO_ACCOUNT_SID");
        SEND_NEEDS.put("notify.twilio.auth-token", "TWILIO_AUTH_TOKEN");
        SEND_NEEDS.put("notify.twilio.from", "TWILIO_FROM");
        SEND_NEEDS.put("notify.smtp.host", "SMTP_HOST");
        SEND_NEEDS.put("notify.smtp.from", "SMTP_FROM");
    }

    private SettingsRules() {}

    /** Every problem found, each a sentence naming its setting; empty when the service may start. */
    public static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        jwtSecret(value(setting, JWT_SECRET)).ifPresent(problems::add);
        String sink = value(setting, NOTIFY_SINK);
        if (sink != null && !sink.equals("store") && !sink.equals("send")) {
            problems.add("NOTIFY_SINK is '" + sink + "': use store (keep messages, send nothing) or send (Twilio and SMTP)");
        }
        boolean sending = "send".equals(sink);
        if (sending) {
            List<String> missing = SEND_NEEDS.entrySet().stream().filter(e -> value(setting, e.getKey()) == null).map(Map.Entry::getValue).toList();
            if (!missing.isEmpty()) {
                problems.add("NOTIFY_SINK=send needs " + String.join(", ", missing) + " (not set): texts go through Twilio and emails through SMTP");
            }
        }
        String base = value(setting, PUBLIC_BASE_URL);
        if (base == null) {
            if (sending) {
                problems.add("PUBLIC_BASE_URL is not set: with NOTIFY_SINK=send Twilio posts replies and delivery receipts to it and signs them "
                        + "against it (e.g. PUBLIC_BASE_URL=https://attendance.example.org)");
            }
        } else {
            publicBaseUrl(base).ifPresent(problems::add);
        }
        return problems;
    }

    /** A missing or short HS256 key; the JWT library only refuses it when the first token is signed. */
    public static Optional<String> jwtSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("JWT_SECRET is not set: give every replica the same random key of at least " + MIN_JWT_SECRET_BYTES
                    + " bytes, e.g. JWT_SECRET=\"$(openssl rand -hex 32)\"");
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_JWT_SECRET_BYTES) {
            return Optional.of("JWT_SECRET is " + bytes + " bytes; HS256 needs at least " + MIN_JWT_SECRET_BYTES
                    + " bytes (256 bits), e.g. JWT_SECRET=\"$(openssl rand -hex 32)\"");
        }
        return Optional.empty();
    }

    /** The address Twilio and browsers reach: an absolute http(s) URL with no path beyond "/", no query and no fragment. */
    static Optional<String> publicBaseUrl(String base) {
        String expected = "PUBLIC_BASE_URL is '" + base + "': give the address the service is reached at from outside, scheme and host only "
                + "(e.g. https://attendance.example.org)";
        try {
            URI uri = new URI(base);
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            return http && uri.getHost() != null && bare ? Optional.empty() : Optional.of(expected);
        } catch (java.net.URISyntaxException e) {
            return Optional.of(expected);
        }
    }

    private static String value(Function<String, Optional<String>> setting, String property) {
        return setting.apply(property).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }
}
