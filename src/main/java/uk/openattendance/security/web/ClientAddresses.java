package uk.openattendance.security.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;

/**
 * The address a sign-in came from, for throttling and the audit. By default the socket's peer: anyone can write an
 * X-Forwarded-For header. Behind a reverse proxy or load balancer that appends the address it saw, an operator sets
 * {@code TRUST_FORWARDED_FOR=true} and the header's last entry (the one our own proxy wrote) is used instead.
 */
@Singleton
public class ClientAddresses {
    private final boolean trustForwardedFor;

    public ClientAddresses(@Value("${attendance.sign-in.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(HttpRequest<?> request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
