package uk.openattendance.leave.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.openattendance.platform.web.Created;
import io.micronaut.http.annotation.Header;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import uk.openattendance.leave.app.DecideLeave;
import uk.openattendance.leave.app.LeaveRequestView;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.leave.app.RequestLeave;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.platform.web.Uploads;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Leave of absence")
public class LeaveController {
    private final Created created;
    private final LeaveService leave;
    private final ActorResolver actors;

    public LeaveController(LeaveService leave, ActorResolver actors, Created created) {
        this.created = created;
        this.leave = leave;
        this.actors = actors;
    }

    @Post("/leave-requests")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LeaveRequestView.class)))
    @Operation(summary = "Record a leave request made on paper or in person, for the headteacher; the answer carries the school's rules' advice")
    public HttpResponse<?> requestLeave(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @Body RequestLeave body) {
        return created.respond(auth, key, "requestLeave:" + schoolId, body, () -> leave.request(actors.resolve(auth.getName()), schoolId, body));
    }

    @Get("/leave-requests")
    @Operation(summary = "The school's leave requests, newest first; status REQUESTED lists those waiting for a decision")
    public Page<LeaveRequestView> listLeaveRequests(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String status,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(leave.list(actors.resolve(auth.getName()), schoolId, status), request);
    }

    @Get("/leave-requests/{id}")
    @Operation(summary = "One leave request with its advice, sessions, documents and decision")
    public LeaveRequestView getLeaveRequest(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return leave.get(actors.resolve(auth.getName()), schoolId, id);
    }

    @Get("/pupils/{pupilId}/leave-requests")
    @Operation(summary = "A pupil's leave requests, newest first")
    public Page<LeaveRequestView> listPupilLeaveRequests(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(leave.ofPupil(actors.resolve(auth.getName()), schoolId, pupilId), request);
    }

    @Post("/leave-requests/{id}/decision")
    @Operation(summary = "The headteacher approves all, part or none, with a note; approved sessions pre-code the register and the family gets a letter")
    public LeaveRequestView decideLeaveRequest(Authentication auth, @PathVariable long schoolId, @PathVariable long id, @Body DecideLeave body) {
        return leave.decide(actors.resolve(auth.getName()), schoolId, id, body);
    }

    @Post("/leave-requests/{id}/withdrawal")
    @Operation(summary = "Withdraw a request not yet decided (the family changed its plans)")
    public LeaveRequestView withdrawLeaveRequest(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return leave.withdraw(actors.resolve(auth.getName()), schoolId, id);
    }

    @Schema(example = "{\"marksRecodedAsG\": 10}")
    public record TakenResult(int marksRecodedAsG) {}

    @Post("/leave-requests/{id}/refused-leave-taken")
    @Operation(summary = "Confirm refused leave was taken: the refused sessions' N and O marks become G, as amendments with the reason kept")
    public TakenResult confirmRefusedLeaveTaken(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return new TakenResult(leave.confirmRefusedLeaveTaken(actors.resolve(auth.getName()), schoolId, id));
    }

    @Post(value = "/leave-requests/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Attach a supporting document (PDF, JPEG or PNG, up to 4 MB) as the multipart part 'file'")
    public LeaveRequestView.Document attachLeaveDocument(Authentication auth, @PathVariable long schoolId, @PathVariable long id, CompletedFileUpload file) {
        return leave.attachByStaff(actors.resolve(auth.getName()), schoolId, id, file.getFilename(), Uploads.bytes(file));
    }

    @Get("/leave-requests/{id}/documents/{documentId}")
    @ApiResponse(responseCode = "200", description = "The document's bytes as they were uploaded, with its own content type and file name", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @Operation(summary = "Download a supporting document")
    public HttpResponse<byte[]> getLeaveDocument(Authentication auth, @PathVariable long schoolId, @PathVariable long id, @PathVariable long documentId) {
        LeaveService.DocumentContent d = leave.document(actors.resolve(auth.getName()), schoolId, id, documentId);
        return HttpResponse.ok(d.content()).contentType(d.contentType()).header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get("/leave-evidence-prompts")
    @Operation(summary = "Absences on the school day before or after approved leave: ask the family for evidence")
    public Page<LeaveService.EvidencePrompt> listLeaveEvidencePrompts(Authentication auth, @PathVariable long schoolId, @QueryValue LocalDate from,
            @QueryValue LocalDate to, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(leave.evidencePrompts(actors.resolve(auth.getName()), schoolId, from, to), request);
    }

    @Schema(example = "{\"name\": \"KS2 SATs week\", \"startsOn\": \"2027-05-10\", \"endsOn\": \"2027-05-13\"}")
    public record NewAssessmentPeriod(String name, LocalDate startsOn, LocalDate endsOn) {}

    @Post("/assessment-periods")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LeaveService.AssessmentPeriod.class)))
    @Operation(summary = "Set an assessment period (e.g. KS2 SATs week) in the calendar; leave advice speaks against overlapping requests")
    public HttpResponse<?> addAssessmentPeriod(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @Body NewAssessmentPeriod body) {
        return created.respond(auth, key, "addAssessmentPeriod:" + schoolId, body, () -> leave.addAssessmentPeriod(actors.resolve(auth.getName()), schoolId, body.name(), body.startsOn(), body.endsOn()));
    }

    @Get("/assessment-periods")
    @Operation(summary = "The school's assessment periods")
    public Page<LeaveService.AssessmentPeriod> listAssessmentPeriods(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(leave.assessmentPeriods(actors.resolve(auth.getName()), schoolId), request);
    }
}
