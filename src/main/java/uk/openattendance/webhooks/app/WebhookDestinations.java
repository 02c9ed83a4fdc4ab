package uk.openattendance.webhooks.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import uk.openattendance.webhooks.domain.DestinationRules;
import uk.openattendance.webhooks.domain.WebhookUrl;

/**
 * Where webhooks may go, checked by the addresses a host resolves to: when a school subscribes, and again inside every
 * delivery's connection. The delivery's check is the HTTP client's own name resolution ({@link #checkedDns()}), so the
 * addresses it connects to are exactly those just checked: a name re-pointed at a private address between the two
 * (DNS rebinding) is caught, as there is no second lookup to switch.
 */
@Singleton
public class WebhookDestinations {
    private final HostResolver resolver;
    private final boolean allowLoopback;

    public WebhookDestinations(HostResolver resolver, @Value("${webhooks.allow-loopback:false}") boolean allowLoopback) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
    }

    /** A destination refused at delivery; a kind of UnknownHostException so the HTTP client passes it up unchanged. */
    public static final class Refused extends UnknownHostException {
        Refused(String why) {
            super(why);
        }
    }

    /** Empty when a subscription may post to this URL now, otherwise what was expected (for the problem's {@code url} field). */
    Optional<String> problem(String url) {
        Optional<String> shape = WebhookUrl.problem(url, allowLoopback);
        if (shape.isPresent()) {
            return shape;
        }
        String host = WebhookUrl.host(url);
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(resolver.resolve(host));
        } catch (UnknownHostException e) {
            return Optional.of("a host that resolves to an address ('" + host + "' does not)");
        }
        return DestinationRules.refusal(WebhookUrl.scheme(url), addresses, allowLoopback)
                .map(why -> "an https:// URL on the public internet: " + why);
    }

    /** The written URL is still acceptable for a delivery (a row stored before these rules, or with the operator's switch since turned off). */
    Optional<String> shapeProblem(String url) {
        return WebhookUrl.problem(url, allowLoopback);
    }

    /** The delivery client's name resolution: every address of the host checked, or the connection is not made. */
    DnsResolver checkedDns() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] all = resolver.resolve(host);
                if (all == null || all.length == 0) {
                    throw new UnknownHostException(host);
                }
                for (InetAddress a : all) {
                    Optional<String> why = DestinationRules.refusal(a, allowLoopback);
                    if (why.isPresent()) {
                        throw new Refused("refused to connect to " + host + ": " + why.get());
                    }
                }
                return all;
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // no reverse lookups: the name the subscriber gave is the one TLS checks
            }
        };
    }
}
