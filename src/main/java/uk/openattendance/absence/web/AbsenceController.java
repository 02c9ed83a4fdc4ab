package uk.openattendance.absence.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.openattendance.platform.web.Created;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import uk.openattendance.absence.app.AbsenceReportView;
import uk.openattendance.absence.app.AcceptSuggestions;
import uk.openattendance.absence.app.ReplySuggestions;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.app.ReportAbsence;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Absence reports")
public class AbsenceController {
    private final Created created;
    private final AbsenceService absences;
    private final ReplySuggestions suggestions;
    private final ActorResolver actors;

    public AbsenceController(AbsenceService absences, ReplySuggestions suggestions, ActorResolver actors, Created created) {
        this.created = created;
        this.absences = absences;
        this.suggestions = suggestions;
        this.actors = actors;
    }

    @Post("/inbound-messages/{id}/accept")
    @Operation(summary = "Accept what the reader suggested for these children in a text waiting for review: each child's suggested code "
            + "through its last day is recorded as a report (N marks become it); the text stays in the queue until resolved")
    public InboundTexts.InboundView acceptInboundSuggestions(Authentication auth, @PathVariable long schoolId, @PathVariable long id,
            @Body AcceptSuggestions body) {
        return suggestions.accept(actors.resolve(auth.getName()), schoolId, id, body);
    }

    @Post("/absence-reports")
    @ApiResponse(responseCode = "201", content = @Content(array = @ArraySchema(schema = @Schema(implementation = AbsenceReportView.class))))
    @Operation(summary = "Log a family's report of an absence taken by phone, email or in person: N marks it covers become its code, "
            + "later registers are pre-coded, and the first-day chain leaves the children alone")
    public HttpResponse<?> reportAbsence(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @QueryValue(defaultValue = "PHONE_CALL") ReportChannel channel,
            @Body ReportAbsence body) {
        return created.respond(auth, key, "reportAbsence:" + schoolId + ":" + channel, body, () -> absences.report(actors.resolve(auth.getName()), schoolId, body, channel));
    }

    @Get("/absence-reports")
    @Operation(summary = "Reports covering a date: the office's morning list")
    public Page<AbsenceReportView> listAbsenceReports(Authentication auth, @PathVariable long schoolId, @QueryValue LocalDate date,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(absences.reportsOn(actors.resolve(auth.getName()), schoolId, date), request);
    }

    @Get("/absence-reports/{id}")
    @Operation(summary = "One absence report, as the morning list shows it, with how many marks it explains")
    public AbsenceReportView getAbsenceReport(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return absences.report(actors.resolve(auth.getName()), schoolId, id);
    }

    @Get("/pupils/{pupilId}/absence-reports")
    @Operation(summary = "A pupil's absence reports, newest first")
    public Page<AbsenceReportView> listPupilAbsenceReports(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(absences.reportsOfPupil(actors.resolve(auth.getName()), schoolId, pupilId), request);
    }
}
