package uk.openattendance.security.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.platform.web.ProblemJson;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.StaffSignIn;

/**
 * Staff sign-in. Our own endpoint rather than Micronaut's, because Micronaut's turns every refusal into a bare 401 and
 * a locked account must answer 429 with Retry-After.
 */
@ProblemResponses
@Controller("/api/v1/auth")
@Tag(name = "Access")
public class LoginController {
    private final StaffSignIn signIn;
    private final ClientAddresses addresses;
    private final AccessRefreshTokenGenerator tokens;

    public LoginController(StaffSignIn signIn, ClientAddresses addresses, AccessRefreshTokenGenerator tokens) {
        this.signIn = signIn;
        this.addresses = addresses;
        this.tokens = tokens;
    }

    @Schema(example = "{\"username\": \"office@example.org\", \"password\": \"a long passphrase of your own\"}")
    public record Credentials(@Nullable String username, @Nullable String password) {}

    public record SignedIn(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") int expiresIn, String username) {}

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    // the example sits here, not on SignedIn: micronaut-openapi copies a record's example onto its @JsonProperty components
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SignedIn.class), examples = @ExampleObject(name = "signedIn",
            value = "{\"access_token\": \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvZmZpY2VAZXhhbXBsZS5vcmcifQ.c2lnbmF0dXJl\", \"token_type\": \"Bearer\", \"expires_in\": 28800, \"username\": \"office@example.org\"}")))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this account or from this address; Retry-After says how many seconds "
            + "to wait", content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @Operation(security = {}, summary = "Sign in as staff with your email (username) and password; the bearer token lasts JWT_LIFETIME seconds (8 hours). "
            + "Repeated failures lock the account, or the address, for a while: 429 with Retry-After, the same whether or not the account exists")
    public SignedIn logIn(HttpRequest<?> request, @Body Credentials body) {
        String principal = signIn.signIn(body.username(), body.password(), addresses.of(request));
        AccessRefreshToken token = tokens.generate(Authentication.build(principal)).orElseThrow(() -> new IllegalStateException("no token generator"));
        return new SignedIn(token.getAccessToken(), token.getTokenType(), token.getExpiresIn(), body.username().strip());
    }
}
