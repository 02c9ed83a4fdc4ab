package uk.openattendance.register.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.register.app.AmendMark;
import uk.openattendance.register.app.AmendmentService;
import uk.openattendance.register.app.ChainCheck;
import uk.openattendance.register.app.CloseSessions;
import uk.openattendance.register.app.HistoryEntryView;
import uk.openattendance.register.app.HistoryService;
import uk.openattendance.register.app.MarkView;
import uk.openattendance.register.app.RecordArrival;
import uk.openattendance.register.app.RegisterResult;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.RegisterView;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.register.app.UnresolvedN;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Registers")
public class RegisterController {
    private final RegisterService registers;
    private final AmendmentService amendments;
    private final HistoryService history;
    private final ActorResolver actors;

    public RegisterController(RegisterService registers, AmendmentService amendments, HistoryService history, ActorResolver actors) {
        this.registers = registers;
        this.amendments = amendments;
        this.history = history;
        this.actors = actors;
    }

    @Get("/registers/{date}/{session}")
    @Operation(summary = "Open a register: pupils on roll that day (of one register group or form), their marks so far and planned absences")
    public RegisterView getRegister(Authentication auth, @PathVariable long schoolId, @PathVariable LocalDate date, @PathVariable Session session,
            @Nullable @QueryValue Long registerGroupId, @Nullable @QueryValue String form) {
        return registers.register(actors.resolve(auth.getName()), schoolId, date, session, registerGroupId, form);
    }

    @Post("/registers/{date}/{session}")
    @Operation(summary = "Take a register: all marks of a group or class in one request. Sending the same marks again changes nothing; "
            + "changing a mark already taken needs a reason and its version")
    public RegisterResult submitRegister(Authentication auth, @PathVariable long schoolId, @PathVariable LocalDate date, @PathVariable Session session,
            @Body SubmitRegister body) {
        return registers.submit(actors.resolve(auth.getName()), schoolId, date, session, body);
    }

    @Get("/pupils/{pupilId}/marks")
    @Operation(summary = "A pupil's marks between two dates in date and session order")
    public Page<MarkView> listPupilMarks(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @QueryValue LocalDate from,
            @QueryValue LocalDate to, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(registers.marksOfPupil(actors.resolve(auth.getName()), schoolId, pupilId, from, to), new PageRequest(page, size));
    }

    @Put("/pupils/{pupilId}/marks/{date}/{session}")
    @Operation(summary = "Amend one mark: the original entry is kept beside the new one with the reason, who and when")
    public MarkView amendMark(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @PathVariable LocalDate date,
            @PathVariable Session session, @Body AmendMark body) {
        return amendments.amend(actors.resolve(auth.getName()), schoolId, pupilId, date, session, body);
    }

    @Post("/arrivals")
    @Operation(summary = "Sign in a pupil arriving after the register: L before the school's U time, U after it")
    public MarkView recordArrival(Authentication auth, @PathVariable long schoolId, @Body RecordArrival body) {
        return amendments.arrival(actors.resolve(auth.getName()), schoolId, body);
    }

    @Post("/closure-marks")
    @Operation(summary = "Mark a planned (#) or unexpected (Y1-Y7) closure for the whole school or one register group")
    public AmendmentService.ClosureResult closeSessions(Authentication auth, @PathVariable long schoolId, @Body CloseSessions body) {
        return amendments.closeSessions(actors.resolve(auth.getName()), schoolId, body);
    }

    @Get("/unresolved-n")
    @Operation(summary = "N marks still without a reason, oldest first, flagged when older than the school's limit")
    public Page<UnresolvedN> listUnresolvedN(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(amendments.unresolvedN(actors.resolve(auth.getName()), schoolId), new PageRequest(page, size));
    }

    @Schema(example = "{\"converted\": 3}")
    public record Converted(int converted) {}

    @Post("/unresolved-n/convert-overdue")
    @Operation(summary = "Where the school's policy allows, turn N marks past the limit into O, recorded as system amendments")
    public Converted convertOverdueN(Authentication auth, @PathVariable long schoolId) {
        return new Converted(amendments.convertOverdueN(actors.resolve(auth.getName()), schoolId));
    }

    @Get("/pupils/{pupilId}/mark-history")
    @Operation(summary = "Every entry and change of a pupil's marks, oldest first, each with its hash link")
    public Page<HistoryEntryView> getMarkHistory(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(history.history(actors.resolve(auth.getName()), schoolId, pupilId), new PageRequest(page, size));
    }

    @Get("/pupils/{pupilId}/mark-history/verification")
    @Operation(summary = "Check a pupil's history chain under its keys and the pupil's current marks against it; reports the first entry that was "
            + "altered or removed and every mark that differs from its history")
    public ChainCheck verifyPupilHistory(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId) {
        return history.verifyPupil(actors.resolve(auth.getName()), schoolId, pupilId);
    }

    @Get("/mark-history/verification")
    @Operation(summary = "Check every pupil's history chain and current marks in the school; reports the first broken link, how many chains are "
            + "broken and every mark that differs from its history (POST a seal to check the database against it too)")
    public ChainCheck verifySchoolHistory(Authentication auth, @PathVariable long schoolId) {
        return history.verifySchool(actors.resolve(auth.getName()), schoolId);
    }
}
