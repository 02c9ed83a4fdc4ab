package uk.openattendance.webhooks;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.openattendance.webhooks.app.HostResolver;

/** Names the tests point where they like, and re-point (DNS rebinding); every other name is resolved as usual. */
@Singleton
@Replaces(HostResolver.SystemDns.class)
@Requires(property = "test.fake-dns", value = "true")
public class FakeDns implements HostResolver {
    private final Map<String, InetAddress[]> names = new ConcurrentHashMap<>();

    public void point(String name, String... literals) {
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            try {
                addresses[i] = InetAddress.getByName(literals[i]);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literals[i], e);
            }
        }
        names.put(name.toLowerCase(Locale.ROOT), addresses);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] pointed = names.get(host.toLowerCase(Locale.ROOT));
        return pointed != null ? pointed.clone() : InetAddress.getAllByName(host);
    }
}
