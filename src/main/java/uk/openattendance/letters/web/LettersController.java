package uk.openattendance.letters.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.openattendance.platform.web.Created;
import io.micronaut.http.annotation.Header;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import uk.openattendance.platform.export.Spreadsheets;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.letters.app.LetterRuns;
import uk.openattendance.letters.app.LetterService;
import uk.openattendance.letters.app.LetterTemplates;
import uk.openattendance.letters.app.LetterView;
import uk.openattendance.letters.domain.LetterException;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Letters")
public class LettersController {
    private final Created created;
    private final LetterService letters;
    private final LetterRuns runs;
    private final LetterTemplates templates;
    private final ActorResolver actors;

    public LettersController(LetterService letters, LetterRuns runs, LetterTemplates templates, ActorResolver actors, Created created) {
        this.created = created;
        this.letters = letters;
        this.runs = runs;
        this.templates = templates;
        this.actors = actors;
    }

    @Schema(example = "{\"asOf\": \"2026-11-23\"}")
    public record RunLetters(@Nullable LocalDate asOf) {}

    @Schema(example = "{\"letterIds\": [911, 912, 913]}")
    public record LetterIds(List<Long> letterIds) {}

    @Post("/schools/{schoolId}/letter-runs")
    @Operation(summary = "Draft the letters due as of a date (default today): thresholds crossed, illness evidence, punctuality, penalty-notice "
            + "warnings. Each crossing is written about once; recorded exceptions suppress a letter with the reason kept")
    public LetterRuns.RunResult runLetters(Authentication auth, @PathVariable long schoolId, @Nullable @Body RunLetters body) {
        return runs.run(actors.resolve(auth.getName()), schoolId, body == null ? null : body.asOf());
    }

    @Post("/schools/{schoolId}/pupils/{pupilId}/improvement-meetings")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LetterView.class)))
    @Operation(summary = "Record an attendance improvement meeting: drafts the letter with the year's figures, the agreed plan and its review date")
    public HttpResponse<?> recordImprovementMeeting(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @PathVariable long pupilId,
            @Body LetterRuns.RecordMeeting body) {
        return created.respond(auth, key, "recordImprovementMeeting:" + schoolId + ":" + pupilId, body, () -> runs.recordImprovementMeeting(actors.resolve(auth.getName()), schoolId, pupilId, body));
    }

    @Post("/schools/{schoolId}/start-of-year-letters")
    @Operation(summary = "Draft the start-of-year expectations letter for every pupil on roll (once per pupil per school year)")
    public LetterRuns.RunResult draftStartOfYearLetters(Authentication auth, @PathVariable long schoolId, @Nullable @Body RunLetters body) {
        return runs.startOfYear(actors.resolve(auth.getName()), schoolId, body == null ? null : body.asOf());
    }

    @Get(value = "/schools/{schoolId}/letters", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/Page_LetterView_")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "The school's letters, newest first; status DRAFT lists those waiting for review")
    public Page<LetterView> listLetters(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String status,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Spreadsheets.pageOrWhole(letters.list(actors.resolve(auth.getName()), schoolId, status), request);
    }

    @Get("/schools/{schoolId}/letters/{id}")
    @Operation(summary = "One letter, its facts and its history")
    public LetterView getLetter(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return letters.get(actors.resolve(auth.getName()), schoolId, id);
    }

    @Get(value = "/schools/{schoolId}/letters/{id}/pdf", produces = "application/pdf")
    @Operation(summary = "The letter as the family will see it, as a PDF")
    public HttpResponse<byte[]> getLetterPdf(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return HttpResponse.ok(letters.pdf(actors.resolve(auth.getName()), schoolId, id)).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"letter-" + id + ".pdf\"");
    }

    @Put("/schools/{schoolId}/letters/{id}")
    @Operation(summary = "Edit a draft's subject and text (XHTML paragraphs); send the version you read")
    public LetterView editLetter(Authentication auth, @PathVariable long schoolId, @PathVariable long id, @Body LetterService.EditLetter body) {
        return letters.edit(actors.resolve(auth.getName()), schoolId, id, body);
    }

    @Post("/schools/{schoolId}/letters/approvals")
    @Operation(summary = "Approve drafts, one or many")
    public LetterService.Approval approveLetters(Authentication auth, @PathVariable long schoolId, @Body LetterIds body) {
        return letters.approve(actors.resolve(auth.getName()), schoolId, body.letterIds());
    }

    @Post("/schools/{schoolId}/letters/discards")
    @Operation(summary = "Discard drafts that should not be sent (kept in the history as discarded)")
    public LetterService.Approval discardLetters(Authentication auth, @PathVariable long schoolId, @Body LetterIds body) {
        return letters.discard(actors.resolve(auth.getName()), schoolId, body.letterIds());
    }

    @Post("/schools/{schoolId}/letters/emails")
    @Operation(summary = "Email approved letters as PDFs to every contact with parental responsibility who has an email address, a parent living "
            + "elsewhere included; letters with no such contact are listed and stay approved for the print run")
    public LetterService.Emailed emailLetters(Authentication auth, @PathVariable long schoolId, @Body LetterIds body) {
        return letters.email(actors.resolve(auth.getName()), schoolId, body.letterIds());
    }

    @Post(value = "/schools/{schoolId}/letters/print-runs", produces = "application/pdf")
    @Operation(summary = "One PDF of approved letters for post: a copy for each parent with parental responsibility who has a postal address, "
            + "addressed in the DL envelope window, or one copy to the parents when none has; sorted for posting by postcode, then name; the "
            + "letters (and their queued copies) are recorded as printed")
    public HttpResponse<byte[]> printLetters(Authentication auth, @PathVariable long schoolId, @Body LetterIds body) {
        return HttpResponse.ok(letters.printRun(actors.resolve(auth.getName()), schoolId, body.letterIds())).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"print-run.pdf\"");
    }

    @Get("/schools/{schoolId}/letters/print-queue")
    @Operation(summary = "Printed copies waiting for post, queued when letters were emailed to a family where a parent with parental "
            + "responsibility has no email; in posting order (postcode, then name)")
    public Page<LetterService.QueuedCopy> listPrintQueue(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(letters.printQueue(actors.resolve(auth.getName()), schoolId), request);
    }

    @Post(value = "/schools/{schoolId}/letters/print-queue/print-runs", produces = "application/pdf")
    @Operation(summary = "One PDF of every printed copy waiting for post, sorted by postcode then name, each addressed in the DL envelope window; "
            + "the copies are recorded as printed (409 when none is waiting)")
    public HttpResponse<byte[]> printQueuedLetters(Authentication auth, @PathVariable long schoolId) {
        return HttpResponse.ok(letters.printQueued(actors.resolve(auth.getName()), schoolId)).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"print-queue.pdf\"");
    }

    @Get("/schools/{schoolId}/pupils/{pupilId}/letters")
    @Operation(summary = "Every letter about a pupil, newest first, with who approved and sent it")
    public Page<LetterView> listPupilLetters(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(letters.ofPupil(actors.resolve(auth.getName()), schoolId, pupilId), request);
    }

    @Get("/schools/{schoolId}/letter-templates")
    @Operation(summary = "The wording each kind of letter uses at this school, and whether it is the school's, the trust's or built in; "
            + "with ?language=pl, the school's or trust's wording in that language where written, else the English it would go in")
    public Page<LetterTemplates.TemplateView> listLetterTemplates(Authentication auth, @PathVariable long schoolId,
            @Nullable @QueryValue String language, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(templates.templates(actors.resolve(auth.getName()), schoolId, language), request);
    }

    @Put("/schools/{schoolId}/letter-templates/{kind}")
    @Operation(summary = "Set the school's own wording for a kind of letter (Handlebars fields, XHTML), in one language (?language=, default en); "
            + "syntax and unknown fields are refused")
    public LetterTemplates.TemplateView saveSchoolLetterTemplate(Authentication auth, @PathVariable long schoolId, @PathVariable String kind,
            @Nullable @QueryValue String language, @Body LetterTemplates.SaveTemplate body) {
        return templates.saveSchoolTemplate(actors.resolve(auth.getName()), schoolId, kind, language, body);
    }

    @Put("/trusts/{trustId}/letter-templates/{kind}")
    @Operation(summary = "Set the trust's default wording for a kind of letter in one language (?language=, default en), used by its schools "
            + "that have not written their own")
    public LetterTemplates.TemplateView saveTrustLetterTemplate(Authentication auth, @PathVariable long trustId, @PathVariable String kind,
            @Nullable @QueryValue String language, @Body LetterTemplates.SaveTemplate body) {
        return templates.saveTrustTemplate(actors.resolve(auth.getName()), trustId, kind, language, body);
    }

    @Post("/schools/{schoolId}/letter-exceptions")
    @Operation(summary = "Record why a pupil's letters (of one kind, or all) are not sent, e.g. a known medical condition; runs keep the letter as "
            + "suppressed, with this reason")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LetterException.class)))
    public HttpResponse<?> recordLetterException(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId,
            @Body LetterService.RecordException body) {
        return created.respond(auth, key, "recordLetterException:" + schoolId, body, () -> letters.recordException(actors.resolve(auth.getName()), schoolId, body));
    }

    @Get("/schools/{schoolId}/letter-exceptions")
    @Operation(summary = "The exceptions the office has recorded")
    public Page<LetterException> listLetterExceptions(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(letters.exceptions(actors.resolve(auth.getName()), schoolId), request);
    }
}
