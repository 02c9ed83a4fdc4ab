package uk.openattendance.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationRulesTest {
    static InetAddress literal(String s) throws UnknownHostException {
        return InetAddress.getByName(s); // a literal: parsed, never looked up
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "169.254.169.254 | cloud metadata",
        "169.254.10.1 | link-local",
        "10.0.0.1 | private",
        "172.16.0.1 | private",
        "172.31.255.255 | private",
        "192.168.1.10 | private",
        "100.64.0.1 | carrier-grade NAT",
        "100.100.100.200 | carrier-grade NAT",
        "0.0.0.0 | this network",
        "0.1.2.3 | this network",
        "127.0.0.1 | loopback",
        "127.53.0.1 | loopback",
        "224.0.0.1 | multicast",
        "255.255.255.255 | broadcast",
        "192.0.0.192 | IETF",
        "198.18.0.1 | benchmarking",
        "::1 | loopback",
        ":: | unspecified",
        "fe80::1 | link-local",
        "fec0::1 | site-local",
        "fd00::1 | unique-local",
        "fc00::1 | unique-local",
        "fd00:ec2::254 | unique-local",
        "ff02::1 | multicast",
        "::ffff:10.0.0.1 | private",
        "::ffff:169.254.169.254 | cloud metadata",
        "::ffff:127.0.0.1 | loopback",
        "::10.0.0.1 | private",
        "64:ff9b::a9fe:a9fe | cloud metadata",
        "2002:0a00:0001::1 | private",
        "100::1 | discard-only"})
    void addressesOffThePublicInternetAreRefused(String address, String why) throws Exception {
        assertThat(DestinationRules.refusal(literal(address), false)).get().asString().contains(why);
        assertThat(DestinationRules.refusal("https", List.of(literal("203.0.113.7"), literal(address)), false)).as("one bad address of several")
                .isPresent();
    }

    @ParameterizedTest(name = "{0} may be posted to")
    @CsvSource({"203.0.113.7", "8.8.8.8", "172.32.0.1", "100.128.0.1", "169.253.1.1", "2001:db8::1", "2a00:1450:4009:81f::200e", "::ffff:8.8.8.8"})
    void publicAddressesArePostedTo(String address) throws Exception {
        assertThat(DestinationRules.refusal(literal(address), false)).isEmpty();
        assertThat(DestinationRules.refusal("https", List.of(literal(address)), false)).isEmpty();
    }

    @ParameterizedTest(name = "with loopback allowed, {0} still follows the rule for {1}")
    @CsvSource({"127.0.0.1, allowed", "::1, allowed", "::ffff:127.0.0.1, allowed", "10.0.0.1, refused", "169.254.169.254, refused",
        "0.0.0.0, refused", "fd00::1, refused"})
    void allowingLoopbackForDevelopmentAllowsOnlyThisMachine(String address, String outcome) throws Exception {
        assertThat(DestinationRules.refusal(literal(address), true).isEmpty()).isEqualTo(outcome.equals("allowed"));
    }

    @ParameterizedTest(name = "{0} to {1} with loopback allowed {2}: {3}")
    @CsvSource({"https, 203.0.113.7, false, allowed", "http, 203.0.113.7, false, refused", "http, 203.0.113.7, true, refused",
        "http, 127.0.0.1, true, allowed", "http, 127.0.0.1, false, refused", "ftp, 203.0.113.7, true, refused"})
    void plainHttpOnlyToThisMachineAndOnlyWhereAllowed(String scheme, String address, boolean allowLoopback, String outcome) throws Exception {
        assertThat(DestinationRules.refusal(scheme, List.of(literal(address)), allowLoopback).isEmpty()).isEqualTo(outcome.equals("allowed"));
    }

    @org.junit.jupiter.api.Test
    void aHostWithNoAddressesIsRefused() {
        assertThat(DestinationRules.refusal("https", List.of(), false)).isPresent();
    }
}
