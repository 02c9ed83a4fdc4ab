package uk.openattendance.school.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.Created;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.school.app.CreateSchool;
import uk.openattendance.school.app.CreateTrust;
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.app.TrustView;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Schools")
public class SchoolController {
    private final SchoolService schools;
    private final ActorResolver actors;
    private final Created created;

    public SchoolController(SchoolService schools, ActorResolver actors, Created created) {
        this.schools = schools;
        this.actors = actors;
        this.created = created;
    }

    /** A school's editable details with the version they were read at. */
    @io.micronaut.core.annotation.Introspected
    @Schema(example = "{\"version\": 4, \"details\": {\"name\": \"Example Hill Primary\", \"zone\": \"Europe/London\", \"phone\": \"020 7946 0000\", \"email\": \"office@example.org\", \"address\": \"1 Example Hill, Bridport DT6 3AA\", \"allowedOrigins\": [\"https://example-hill.example.org\"]}}")
    public record UpdateSchoolRequest(@NotNull(message = "the school's current version, from GET /schools/{id}") Long version,
            @NotNull(message = "the school's details") @Valid SchoolDetails details) {}

    @Post("/trusts")
    @Operation(summary = "Create a trust (platform administrators)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TrustView.class)))
    public HttpResponse<?> createTrust(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @Body CreateTrust body) {
        return created.respond(auth, key, "createTrust", body, () -> schools.createTrust(actors.resolve(auth.getName()), body));
    }

    @Post("/schools")
    @Operation(summary = "Create a school from a policy preset; its register groups and times come from the preset")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SchoolView.class)))
    public HttpResponse<?> createSchool(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @Body CreateSchool body) {
        return created.respond(auth, key, "createSchool", body, () -> schools.createSchool(actors.resolve(auth.getName()), body));
    }

    @Get("/schools")
    @Operation(summary = "Schools the caller may read")
    public Page<SchoolView> listSchools(Authentication auth, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return schools.schools(actors.resolve(auth.getName()), new PageRequest(page, size));
    }

    @Get("/schools/{schoolId}")
    @Operation(summary = "One school: its name, URN, time zone, contact details and the origins its embedded forms may run on")
    public SchoolView getSchool(Authentication auth, @PathVariable long schoolId) {
        return schools.school(actors.resolve(auth.getName()), schoolId);
    }

    @Put("/schools/{schoolId}/details")
    @Operation(summary = "Change a school's name, zone, contact details and allowed origins")
    public SchoolView updateSchoolDetails(Authentication auth, @PathVariable long schoolId, @Valid @Body UpdateSchoolRequest body) {
        return schools.updateDetails(actors.resolve(auth.getName()), schoolId, body.version(), body.details());
    }
}
