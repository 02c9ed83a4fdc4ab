package uk.openattendance.security.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.platform.web.Created;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ActorResolver;
import uk.openattendance.security.ApiClientCreated;
import uk.openattendance.security.CreateApiClient;
import uk.openattendance.security.CreateStaff;
import uk.openattendance.security.StaffService;
import uk.openattendance.security.StaffView;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Access")
public class StaffController {
    private final StaffService staff;
    private final ActorResolver actors;
    private final Created created;

    public StaffController(StaffService staff, ActorResolver actors, Created created) {
        this.staff = staff;
        this.actors = actors;
        this.created = created;
    }

    @Get("/me")
    @Operation(summary = "Who the caller is and what they may do in which school")
    public Actor getMe(Authentication auth) {
        return actors.resolve(auth.getName());
    }

    @Post("/staff")
    @Operation(summary = "Create a staff account with a role in one school (or TRUST_ADMIN of a trust)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StaffView.class)))
    public HttpResponse<?> createStaff(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @Body CreateStaff body) {
        return created.respond(auth, key, "createStaff", body.email(), () -> staff.createStaff(actors.resolve(auth.getName()), body));
    }

    @Post("/api-clients")
    @Operation(summary = "Create an integrator's API key, scoped to a school or trust; the key is shown only in this answer")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ApiClientCreated.class)))
    public HttpResponse<?> createApiClient(Authentication auth, @Body CreateApiClient body) {
        return HttpResponse.created(staff.createApiClient(actors.resolve(auth.getName()), body));
    }

    @Delete("/staff/{staffId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a staff account (a school's staff administrator for every school it has a role in, or its trust's administrator): "
            + "it can no longer sign in and its tokens are refused at once; the name stays in the history it wrote")
    @ApiResponse(responseCode = "204", description = "Removed")
    public void removeStaff(Authentication auth, @PathVariable long staffId) {
        staff.removeStaff(actors.resolve(auth.getName()), staffId);
    }

    @Delete("/api-clients/{clientId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an integrator's API key: refused from its very next request; who revoked it and when are kept")
    @ApiResponse(responseCode = "204", description = "Revoked")
    public void revokeApiClient(Authentication auth, @PathVariable long clientId) {
        staff.revokeApiClient(actors.resolve(auth.getName()), clientId);
    }
}
