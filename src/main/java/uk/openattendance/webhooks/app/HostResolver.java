package uk.openattendance.webhooks.app;

import io.micronaut.context.annotation.DefaultImplementation;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution for webhook destinations; tests give names addresses of their choosing, and change them. */
@DefaultImplementation(HostResolver.SystemDns.class)
public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    @Singleton
    class SystemDns implements HostResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return InetAddress.getAllByName(host);
        }
    }
}
