package uk.openattendance.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.platform.web.ProblemJson;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.PasswordTokens;

/** Setting a staff password through a one-time link: asking for a reset, and using the link's token. */
@ProblemResponses
@Controller("/api/v1/auth")
@Tag(name = "Access")
public class PasswordController {
    private final PasswordTokens tokens;
    private final ClientAddresses addresses;

    public PasswordController(PasswordTokens tokens, ClientAddresses addresses) {
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @Schema(example = "{\"email\": \"office@example.org\"}")
    public record ResetRequest(@Nullable String email) {}

    @Schema(example = "{\"message\": \"If this email has a staff account, a link to set its password is on its way; it works once, for one hour\"}")
    public record ResetRequested(String message) {}

    @Schema(example = "{\"token\": \"pwt_4f1c2a9e7b3d\", \"password\": \"a long passphrase of your own\"}")
    public record NewPassword(@Nullable String token, @Nullable String password) {}

    @Post("/password-reset")
    @Status(HttpStatus.ACCEPTED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ApiResponse(responseCode = "429", description = "Too many reset requests for this account or from this address; Retry-After says how many "
            + "seconds to wait", content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @Operation(security = {}, summary = "Ask for a password reset link for a staff email, valid for one hour and usable once. The answer is the same whether or "
            + "not the email has an account")
    public ResetRequested requestPasswordReset(HttpRequest<?> request, @Body ResetRequest body) {
        tokens.requestReset(body.email(), addresses.of(request));
        return new ResetRequested("If this email has a staff account, a link to set its password is on its way; it works once, for one hour");
    }

    @Post("/password")
    @Status(HttpStatus.NO_CONTENT)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ApiResponse(responseCode = "429", description = "Too many failed attempts from this address; Retry-After says how many seconds to wait",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @Operation(security = {}, summary = "Set a staff password with the token of a one-time link (the first administrator's, or a reset); the token is then used up")
    public void setPassword(HttpRequest<?> request, @Body NewPassword body) {
        tokens.setPassword(body.token(), body.password(), addresses.of(request));
    }
}
