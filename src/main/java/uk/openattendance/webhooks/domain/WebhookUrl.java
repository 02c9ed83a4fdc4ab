package uk.openattendance.webhooks.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The written form of a webhook URL: http(s), a host, no user name or fragment. Where it may point is decided by the
 * addresses its host resolves to ({@link DestinationRules}), never by how the host is spelt.
 */
public final class WebhookUrl {
    private WebhookUrl() {}

    /** Empty when the URL is well formed, otherwise what was expected. */
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
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && allowLoopback)) {
            return Optional.empty();
        }
        return Optional.of("an https:// URL");
    }

    /** The host to resolve, as {@link java.net.InetAddress#getAllByName} takes it (an IPv6 literal keeps its brackets). */
    public static String host(String url) {
        return URI.create(url.trim()).getHost();
    }

    public static String scheme(String url) {
        return URI.create(url.trim()).getScheme();
    }
}
