package uk.openattendance.parent.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import uk.openattendance.platform.web.Created;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.HttpRequest;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.absence.app.AbsenceReportView;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.letters.app.LetterService;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.absence.app.ReportAbsence;
import uk.openattendance.absence.domain.ReportChannel;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.multipart.CompletedFileUpload;
import uk.openattendance.leave.app.LeaveRequestView;
import uk.openattendance.leave.app.RequestLeave;
import uk.openattendance.platform.web.Uploads;
import uk.openattendance.parent.app.ParentPortal;
import uk.openattendance.parent.app.ParentSignIn;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;
import uk.openattendance.security.web.ParentSignInThrottle;

/**
 * For parents, from the school's own website (the embedded form, CORS limited to the school's allowed origins) or a
 * parent app: sign in with a one-time code, see their children, report an absence.
 */
@ProblemResponses
@Controller("/api/v1/public/schools/{schoolId}/parent")
@Tag(name = "Parents")
public class ParentController {
    private final Created created;
    private final ParentSignIn signIn;
    private final ParentPortal portal;
    private final ActorResolver actors;
    private final ParentSignInThrottle throttle;

    public ParentController(ParentSignIn signIn, ParentPortal portal, ActorResolver actors, ParentSignInThrottle throttle, Created created) {
        this.created = created;
        this.signIn = signIn;
        this.portal = portal;
        this.actors = actors;
        this.throttle = throttle;
    }

    @Post("/sign-in")
    @Status(HttpStatus.ACCEPTED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ApiResponse(responseCode = "429", description = "Too many codes asked for from this address; Retry-After "
            + "says how many seconds to wait")
    @Operation(security = {}, summary = "Ask for a one-time code, sent to the mobile or email the school holds for you. The answer is the same whether or not "
            + "the number is known")
    public ParentSignIn.Challenge startParentSignIn(HttpRequest<?> request, @PathVariable long schoolId,
            @Body ParentSignIn.StartSignIn body) {
        throttle.check(request);
        return signIn.start(schoolId, body);
    }

    @Post("/verify")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(security = {}, summary = "Exchange the code for a token (one hour) that reaches only your own children at this school")
    public ParentSignIn.SignedIn verifyParentCode(@PathVariable long schoolId, @Body ParentSignIn.Verify body) {
        return signIn.verify(schoolId, body);
    }

    @Get("/children")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Your children at this school, with today's marks")
    public Page<ParentPortal.Child> listMyChildren(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(portal.children(actors.resolve(auth.getName()), schoolId), request);
    }

    @Get("/attendance")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Each of your children's attendance this school year, with the same DfE figures (window and denominator stated) the "
            + "school's staff see, and this week's marks so far in words")
    public Page<ParentPortal.ChildAttendance> listMyChildrensAttendance(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(portal.attendance(actors.resolve(auth.getName()), schoolId), request);
    }

    @Get("/letters")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Letters the school sent about your children (emailed or posted), newest first")
    public Page<LetterService.FamilyLetter> listMyLetters(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(portal.letters(actors.resolve(auth.getName()), schoolId), request);
    }

    @Get(value = "/letters/{letterId}/pdf", produces = "application/pdf")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "One of those letters as the PDF you were sent")
    public HttpResponse<byte[]> getMyLetterPdf(Authentication auth, @PathVariable long schoolId, @PathVariable long letterId) {
        return HttpResponse.ok(portal.letterPdf(actors.resolve(auth.getName()), schoolId, letterId)).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"letter-" + letterId + ".pdf\"");
    }

    @Get("/messages")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Texts and emails the school sent you, newest first (sign-in codes left out)")
    public Page<Outbox.FamilyMessage> listMyMessages(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(portal.messages(actors.resolve(auth.getName()), schoolId), request);
    }

    @Get("/absence-reports")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Absence reports about your children, newest first, each with its reference (id) and where it stands")
    public Page<AbsenceService.FamilyReport> listMyAbsenceReports(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(portal.absenceReports(actors.resolve(auth.getName()), schoolId), request);
    }

    @Post("/absence-reports")
    @ApiResponse(responseCode = "201", content = @Content(array = @ArraySchema(schema = @Schema(implementation = AbsenceReportView.class))))
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Report your children's absence: one or more children, from a date (and session) to a date or an expected return")
    public HttpResponse<?> reportMyChildrensAbsence(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId,
            @QueryValue(defaultValue = "PARENT_APP") ReportChannel channel, @Body ReportAbsence body) {
        if (channel != ReportChannel.PARENT_APP && channel != ReportChannel.WEB_FORM) {
            throw DomainProblem.field(uk.openattendance.parent.app.ParentProblem.SIGN_IN_NOT_VALID, "channel", "PARENT_APP or WEB_FORM");
        }
        return created.respond(auth, key, "reportMyChildrensAbsence:" + schoolId + ":" + channel, body, () -> portal.report(actors.resolve(auth.getName()), schoolId, body, channel));
    }

    @Post("/leave-requests")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LeaveRequestView.class)))
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Ask for leave of absence for your child: dates (whole days or sessions), the ground and your reason. The headteacher decides; "
            + "you get a letter")
    public HttpResponse<?> requestLeaveForMyChild(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @Body RequestLeave body) {
        return created.respond(auth, key, "requestLeaveForMyChild:" + schoolId, body, () -> portal.requestLeave(actors.resolve(auth.getName()), schoolId, body));
    }

    @Get("/leave-requests")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Your children's leave requests, newest first, each with its reference and where it stands (received, needs evidence, "
            + "approved, part approved, refused with the headteacher's note, withdrawn)")
    public Page<uk.openattendance.leave.app.LeaveService.FamilyLeave> listMyLeaveRequests(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(portal.myLeaveRequests(actors.resolve(auth.getName()), schoolId), request);
    }

    @Post(value = "/leave-requests/{requestId}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Attach a supporting document to your request (PDF, JPEG or PNG, up to 4 MB) as the multipart part 'file'")
    public LeaveRequestView.Document attachToMyLeaveRequest(Authentication auth, @PathVariable long schoolId, @PathVariable long requestId,
            CompletedFileUpload file) {
        return portal.attachToLeave(actors.resolve(auth.getName()), schoolId, requestId, file.getFilename(), Uploads.bytes(file));
    }
}
