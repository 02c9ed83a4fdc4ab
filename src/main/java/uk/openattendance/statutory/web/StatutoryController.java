package uk.openattendance.statutory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.platform.export.Spreadsheets;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.Created;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;
import uk.openattendance.statutory.app.PenaltyNoticeMonitor;
import uk.openattendance.statutory.app.StatutoryPrompts;
import uk.openattendance.statutory.app.StatutoryViews.PenaltyConsideration;
import uk.openattendance.statutory.app.StatutoryViews.PenaltyNotice;
import uk.openattendance.statutory.app.StatutoryViews.RecordPenaltyNotice;
import uk.openattendance.statutory.app.StatutoryViews.RecordReturnMade;
import uk.openattendance.statutory.app.StatutoryViews.ReturnDue;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Statutory prompts")
public class StatutoryController {
    private final Created created;
    private final StatutoryPrompts prompts;
    private final PenaltyNoticeMonitor monitor;
    private final ActorResolver actors;

    public StatutoryController(StatutoryPrompts prompts, PenaltyNoticeMonitor monitor, ActorResolver actors, Created created) {
        this.created = created;
        this.prompts = prompts;
        this.monitor = monitor;
        this.actors = actors;
    }

    @Get(value = "/attendance/penalty-notice-monitor", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PenaltyCandidatePage.class)),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Pupils with 10 or more unauthorised sessions (G, N, O, U) in the latest 10 school weeks to asOf (default today)")
    public Page<PenaltyNoticeMonitor.PenaltyCandidate> listPenaltyNoticeCandidates(Authentication auth, @PathVariable long schoolId,
            @Nullable @QueryValue LocalDate asOf, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(monitor.penaltyNoticeMonitor(actors.resolve(auth.getName()), schoolId, asOf), new PageRequest(page, size));
    }

    @Get(value = "/penalty-notice-considerations", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PenaltyConsiderationPage.class)),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Pupils to consider a penalty notice for (10+ G, N, O or U sessions in 10 school weeks to asOf), with each parent's standing "
            + "on the 2-notices-in-3-years cap and the amount a notice would be")
    public Page<PenaltyConsideration> listPenaltyNoticeConsiderations(Authentication auth, @PathVariable long schoolId,
            @Nullable @QueryValue LocalDate asOf, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(prompts.penaltyNoticeConsiderations(actors.resolve(auth.getName()), schoolId, asOf), new PageRequest(page, size));
    }

    @Post("/penalty-notices")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PenaltyNotice.class)))
    @Operation(summary = "Record a penalty notice issued to one parent for one child; a third within 3 years is refused with 409")
    public HttpResponse<?> recordPenaltyNotice(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @Body RecordPenaltyNotice body) {
        return created.respond(auth, key, "recordPenaltyNotice:" + schoolId, body, () -> prompts.recordPenaltyNotice(actors.resolve(auth.getName()), schoolId, body));
    }

    @Get("/pupils/{pupilId}/penalty-notices")
    @Operation(summary = "Every penalty notice issued about a pupil, to each parent, oldest first")
    public Page<PenaltyNotice> listPupilPenaltyNotices(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(prompts.penaltyNoticesOfPupil(actors.resolve(auth.getName()), schoolId, pupilId), new PageRequest(page, size));
    }

    @Get(value = "/local-authority-returns-due", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnDuePage.class)),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Returns the local authority is owed this school year as of asOf: new pupils (5 school days), deletions, 10 school days "
            + "of continuous unauthorised absence, 15 school days of illness; overdue first")
    public Page<ReturnDue> listLocalAuthorityReturnsDue(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue LocalDate asOf,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(prompts.localAuthorityReturnsDue(actors.resolve(auth.getName()), schoolId, asOf), new PageRequest(page, size));
    }

    @Post("/local-authority-returns-made")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ReturnDue.class)))
    @Operation(summary = "Record that a return listed as due was sent to the local authority, when, and its reference")
    public HttpResponse<?> recordLocalAuthorityReturnMade(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @Body RecordReturnMade body) {
        return created.respond(auth, key, "recordLocalAuthorityReturnMade:" + schoolId, body, () -> prompts.recordReturnMade(actors.resolve(auth.getName()), schoolId, body));
    }

    /** The JSON of this list as the OpenAPI file shows it beside its spreadsheets: the Page envelope, named as every page is. */
    @Schema(name = "Page_PenaltyNoticeMonitor.PenaltyCandidate_")
    record PenaltyCandidatePage(List<PenaltyNoticeMonitor.PenaltyCandidate> items, int page, int size, long totalItems, int totalPages) {}

    /** The JSON of this list as the OpenAPI file shows it beside its spreadsheets: the Page envelope, named as every page is. */
    @Schema(name = "Page_StatutoryViews.ReturnDue_")
    record ReturnDuePage(List<ReturnDue> items, int page, int size, long totalItems, int totalPages) {}

    /** The JSON of this list as the OpenAPI file shows it beside its spreadsheets: the Page envelope, named as every page is. */
    @Schema(name = "Page_StatutoryViews.PenaltyConsideration_")
    record PenaltyConsiderationPage(List<PenaltyConsideration> items, int page, int size, long totalItems, int totalPages) {}
}
