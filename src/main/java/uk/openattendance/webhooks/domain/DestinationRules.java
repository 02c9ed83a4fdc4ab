package uk.openattendance.webhooks.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which machines a webhook may be posted to, judged by address, not by how the URL is written: a name, a decimal or
 * hexadecimal IPv4 form, an IPv4-mapped IPv6 address all end as an address, and it is the address that must be on the
 * public internet. Otherwise a school administrator (or whoever holds their key) could make the service post to the
 * cloud's metadata endpoint, the database's admin port or anything else on the private network behind it.
 */
public final class DestinationRules {
    private DestinationRules() {}

    /** Empty when every address may be posted to, otherwise what was wrong with the first that may not. */
    public static Optional<String> refusal(String scheme, List<InetAddress> addresses, boolean allowLoopback) {
        if (addresses == null || addresses.isEmpty()) {
            return Optional.of("a host name that resolves to an address");
        }
        boolean allLoopback = true;
        for (InetAddress a : addresses) {
            Optional<String> r = refusal(a, allowLoopback);
            if (r.isPresent()) {
                return r;
            }
            allLoopback &= isLoopback(a.getAddress());
        }
        if ("https".equalsIgnoreCase(scheme)) {
            return Optional.empty();
        }
        if ("http".equalsIgnoreCase(scheme) && allowLoopback && allLoopback) {
            return Optional.empty();
        }
        return Optional.of("an https:// URL (plain http only to this machine, and only where the operator allows it)");
    }

    /** Empty when this one address may be posted to, otherwise why not. */
    public static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        byte[] b = address.getAddress();
        String shown = address.getHostAddress();
        if (b.length == 16) {
            byte[] v4 = embeddedIpv4(b);
            if (v4 != null) {
                return ipv4(v4, allowLoopback).map(why -> shown + " carries the IPv4 address " + dotted(v4) + ", " + why);
            }
            return ipv6(b, allowLoopback).map(why -> shown + " is " + why);
        }
        return ipv4(b, allowLoopback).map(why -> shown + " is " + why);
    }

    private static Optional<String> ipv4(byte[] b, boolean allowLoopback) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return allowLoopback ? Optional.empty() : Optional.of("this machine itself (loopback)");
        }
        if (a0 == 0) {
            return Optional.of("\"this network\" (0.0.0.0/8), which reaches this machine");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(a2 == 169 && (b[3] & 0xff) == 254 ? "the cloud metadata address (link-local)" : "a link-local address (169.254.0.0/16)");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("a private-network address (10/8, 172.16/12, 192.168/16)");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return Optional.of("an IETF protocol address (192.0.0.0/24)");
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return Optional.of("a network-benchmarking address (198.18.0.0/15)");
        }
        if (a0 >= 224) {
            return Optional.of(a0 < 240 ? "a multicast address" : "a reserved or broadcast address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b, boolean allowLoopback) {
        boolean zeroTo14 = true;
        for (int i = 0; i < 15; i++) {
            zeroTo14 &= b[i] == 0;
        }
        if (zeroTo14 && b[15] == 1) {
            return allowLoopback ? Optional.empty() : Optional.of("this machine itself (loopback)");
        }
        if (zeroTo14 && b[15] == 0) {
            return Optional.of("the unspecified address (::), which reaches this machine");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local address (fe80::/10)");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a site-local address (fec0::/10)");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a unique-local (private) address (fc00::/7)");
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");
        }
        if (first == 0x01 && second == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return Optional.of("a discard-only address (100::/64)");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
    static byte[] embeddedIpv4(byte[] b) {
        boolean zeroTo9 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo9 &= b[i] == 0;
        }
        boolean mapped = zeroTo9 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroTo9 && b[10] == 0 && b[11] == 0 && !((b[12] | b[13] | b[14]) == 0 && (b[15] & 0xfe) == 0);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 0 && b[6] == 0
                && b[7] == 0 && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
        if (mapped || compatible || nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static boolean isLoopback(byte[] b) {
        if (b.length == 16) {
            byte[] v4 = embeddedIpv4(b);
            if (v4 != null) {
                return (v4[0] & 0xff) == 127;
            }
            for (int i = 0; i < 15; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return b[15] == 1;
        }
        return (b[0] & 0xff) == 127;
    }

    private static String dotted(byte[] v4) {
        return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }
}
