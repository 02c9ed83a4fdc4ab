package uk.openattendance.roll.web;

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
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.Created;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.roll.app.AdmissionEventView;
import uk.openattendance.roll.app.DeletePupil;
import uk.openattendance.roll.app.PupilCommand;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.ActorResolver;

@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Roll")
@ProblemResponses
public class PupilController {
    private final PupilService pupils;
    private final ActorResolver actors;
    private final Created created;

    public PupilController(PupilService pupils, ActorResolver actors, Created created) {
        this.pupils = pupils;
        this.actors = actors;
        this.created = created;
    }

    @Get("/pupils")
    @Operation(summary = "Pupils on the admission register, by surname, optionally of one register group")
    public Page<PupilView> listPupils(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue Long registerGroupId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return pupils.pupils(actors.resolve(auth.getName()), schoolId, registerGroupId, new PageRequest(page, size));
    }

    @Post("/pupils")
    @Operation(summary = "Admit a pupil: adds them to the admission register and sets the local-authority return due in 5 school days")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PupilView.class)))
    public HttpResponse<?> admitPupil(Authentication auth, @PathVariable long schoolId, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key,
            @Body PupilCommand body) {
        return created.respond(auth, key, "admitPupil:" + schoolId, body, () -> pupils.admit(actors.resolve(auth.getName()), schoolId, body));
    }

    @Get("/pupils/{pupilId}")
    @Operation(summary = "One pupil on the roll")
    public PupilView getPupil(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId) {
        return pupils.pupil(actors.resolve(auth.getName()), schoolId, pupilId);
    }

    @Put("/pupils/{pupilId}")
    @Operation(summary = "Change a pupil's details; send the version you read")
    public PupilView updatePupil(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @Body PupilCommand body) {
        return pupils.update(actors.resolve(auth.getName()), schoolId, pupilId, body);
    }

    @Post("/pupils/{pupilId}/deletion")
    @Operation(summary = "Delete a pupil from the admission register on a regulation 9 ground")
    public PupilView deletePupil(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @Body DeletePupil body) {
        return pupils.delete(actors.resolve(auth.getName()), schoolId, pupilId, body);
    }

    @Get("/pupils/{pupilId}/admission-history")
    @Operation(summary = "The pupil's admission register history: admissions, changes and deletions, oldest first")
    public Page<AdmissionEventView> getAdmissionHistory(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(pupils.admissionHistory(actors.resolve(auth.getName()), schoolId, pupilId), new PageRequest(page, size));
    }

    @Get("/local-authority-returns")
    @Operation(summary = "Admissions and deletions with the date each return to the local authority is due")
    public Page<AdmissionEventView> listLocalAuthorityReturns(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(pupils.localAuthorityReturns(actors.resolve(auth.getName()), schoolId), new PageRequest(page, size));
    }
}
