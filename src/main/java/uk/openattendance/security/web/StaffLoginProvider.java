package uk.openattendance.security.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import uk.openattendance.security.StaffService;

/** POST /api/v1/auth/login with {"username": email, "password": ...} returns a JWT. Runs on the blocking pool. */
@Singleton
public class StaffLoginProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private final StaffService staff;

    public StaffLoginProvider(StaffService staff) {
        this.staff = staff;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        return staff.login(login.getIdentity(), login.getSecret())
                .map(AuthenticationResponse::success)
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
