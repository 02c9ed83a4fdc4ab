package uk.openattendance.webhooks.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a school may send its events: HTTPS to another machine. This machine itself (localhost, over HTTP or HTTPS) only
 * where the operator allows it, for an integrator's local development: otherwise a subscription could make the
 * service post to its own private ports.
 */
public final class WebhookUrl {
    private WebhookUrl() {}

    /** Empty when the URL is acceptable, otherwise what was expected. */
    public static Optional<String> problem(String url, boolean allowLoopback) {
        if (url == null || url.isBlank() || url.length() > 500) {
            return Optional.of("an https:// URL of at most 500 characters");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("a valid https:// URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return Optional.of("an https:// URL with a host, and no user name or #fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("0.0.0.0");
        if (loopback) {
            return allowLoopback && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) ? Optional.empty()
                    : Optional.of("an https:// URL on another machine (this service's own host is not allowed)");
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? Optional.empty() : Optional.of("an https:// URL");
    }
}
