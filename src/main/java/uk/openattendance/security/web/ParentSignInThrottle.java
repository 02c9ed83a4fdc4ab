package uk.openattendance.security.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.openattendance.security.SignInThrottle;

/** The parents' "send me a code" form, throttled per client address (each code request counts: none is a visible failure). */
@Singleton
public class ParentSignInThrottle {
    private final SignInThrottle throttle;
    private final ClientAddresses addresses;

    public ParentSignInThrottle(SignInThrottle throttle, ClientAddresses addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
    }

    /** Refuses with 429 and Retry-After when this address has asked for too many codes lately. */
    public void check(HttpRequest<?> request) {
        throttle.parentCodeRequested(addresses.of(request));
    }
}
