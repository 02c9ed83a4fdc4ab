package uk.openattendance.school.web;

import io.swagger.v3.oas.annotations.media.ExampleObject;
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
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.school.app.CalendarService;
import uk.openattendance.school.app.CalendarView;
import uk.openattendance.school.app.ClosureCommand;
import uk.openattendance.school.app.TermCommand;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.Term;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}/calendar")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Calendar")
public class CalendarController {
    private final Created created;
    private final CalendarService calendars;
    private final ActorResolver actors;

    public CalendarController(CalendarService calendars, ActorResolver actors, Created created) {
        this.created = created;
        this.calendars = calendars;
        this.actors = actors;
    }

    @Get
    @Operation(summary = "The school calendar: its terms and its closures")
    public CalendarView getCalendar(Authentication auth, @PathVariable long schoolId) {
        return calendars.view(actors.resolve(auth.getName()), schoolId);
    }

    @Post("/terms")
    // Term is a domain record, which carries no documentation annotations: its example sits on the operation.
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Term.class), examples = @ExampleObject(name = "autumn",
            value = "{\"academicYear\": \"2026/27\", \"name\": \"Autumn\", \"startsOn\": \"2026-09-03\", \"endsOn\": \"2026-12-18\", "
                    + "\"halfTermBreakStartsOn\": \"2026-10-26\", \"halfTermBreakEndsOn\": \"2026-10-30\"}")))
    @Operation(summary = "Add a term to the school calendar")
    public HttpResponse<?> addTerm(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @Body TermCommand body) {
        return created.respond(auth, key, "addTerm:" + schoolId, body, () -> calendars.addTerm(actors.resolve(auth.getName()), schoolId, body));
    }

    @Post("/closures")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Closure.class), examples = @ExampleObject(name = "inset",
            value = "{\"date\": \"2026-12-11\", \"sessions\": \"PM\", \"registerGroupId\": 7, \"kind\": \"PLANNED_PARTIAL\", "
                    + "\"description\": \"Year 2 nativity: the hall is set up, Year 2 goes home at lunchtime\"}")))
    @Operation(summary = "Add a closure (a day or sessions the school is shut) to the school calendar")
    public HttpResponse<?> addClosure(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId, @Body ClosureCommand body) {
        return created.respond(auth, key, "addClosure:" + schoolId, body, () -> calendars.addClosure(actors.resolve(auth.getName()), schoolId, body));
    }
}
