package uk.openattendance.followup.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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

    public FollowUpController(CallListService calls, MissingEducationFlags flags, ActorResolver actors) {
        this.calls = calls;
        this.flags = flags;
        this.actors = actors;
    }

    @Get(value = "/call-list", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @Operation(summary = "Children absent without explanation after the first text: every contact to try, the texts sent, each call logged")
    public Page<CallListService.CallEntry> getCallList(Authentication auth, @PathVariable long schoolId, @QueryValue LocalDate date, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(calls.callList(actors.resolve(auth.getName()), schoolId, date), new PageRequest(page, size));
    }

    @Post("/follow-ups/{caseId}/calls")
    @Operation(summary = "Log a call to a contact; a call that establishes the child is safe closes the case")
    public CallListService.CallEntry logCall(Authentication auth, @PathVariable long schoolId, @PathVariable long caseId, @Body LogCall body) {
        return calls.logCall(actors.resolve(auth.getName()), schoolId, caseId, body);
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
}
