package uk.openattendance.followup.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.openattendance.platform.web.Created;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.followup.app.CallListService;
import uk.openattendance.followup.app.LogCall;
import uk.openattendance.followup.app.MarkSafe;
import uk.openattendance.followup.app.MissingEducationFlags;
import uk.openattendance.platform.export.Spreadsheets;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Follow-up")
public class FollowUpController {
    private final CallListService calls;
    private final MissingEducationFlags flags;
    private final ActorResolver actors;
    private final Created created;

    public FollowUpController(CallListService calls, MissingEducationFlags flags, ActorResolver actors, Created created) {
        this.created = created;
        this.calls = calls;
        this.flags = flags;
        this.actors = actors;
    }

    @Get(value = "/call-list", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallListPage.class)),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Children absent without explanation after the first text: every contact to try, the texts sent, each call logged")
    public Page<CallListService.CallEntry> getCallList(Authentication auth, @PathVariable long schoolId, @QueryValue LocalDate date, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(calls.callList(actors.resolve(auth.getName()), schoolId, date), new PageRequest(page, size));
    }

    @Post("/follow-ups/{caseId}/calls")
    @ApiResponse(responseCode = "201", description = "The call is logged; the answer is the case with every call so far",
            content = @Content(schema = @Schema(implementation = CallListService.CallEntry.class)))
    @Operation(summary = "Log a call to a contact; a call that establishes the child is safe closes the case")
    public HttpResponse<?> logCall(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId,
            @PathVariable long caseId, @Body LogCall body) {
        // A retried POST must not log the same call twice: the call list would show an attempt the office never made.
        return created.respond(auth, key, "logCall:" + schoolId + ":" + caseId, body, () -> calls.logCall(actors.resolve(auth.getName()), schoolId, caseId, body));
    }

    @Post("/follow-ups/{caseId}/safe")
    @Operation(summary = "Record that the child is known to be safe, and how the office knows")
    public CallListService.CallEntry markSafe(Authentication auth, @PathVariable long schoolId, @PathVariable long caseId, @Body MarkSafe body) {
        return calls.markSafe(actors.resolve(auth.getName()), schoolId, caseId, body);
    }

    @Get("/missing-education-flags")
    @Operation(summary = "Pupils absent without explanation for the school's number of consecutive school days (possible children missing education)")
    public Page<MissingEducationFlags.FlagView> listMissingEducationFlags(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(flags.flags(actors.resolve(auth.getName()), schoolId), new PageRequest(page, size));
    }

    /** The JSON of this list as the OpenAPI file shows it beside its spreadsheets: the Page envelope, named as every page is. */
    @Schema(name = "Page_CallListService.CallEntry_")
    record CallListPage(List<CallListService.CallEntry> items, int page, int size, long totalItems, int totalPages) {}
}
