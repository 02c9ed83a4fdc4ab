package uk.openattendance.register.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import uk.openattendance.register.app.MissingRegisters;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Registers")
public class UntakenRegisterController {
    private final MissingRegisters missing;
    private final ActorResolver actors;

    public UntakenRegisterController(MissingRegisters missing, ActorResolver actors) {
        this.missing = missing;
        this.actors = actors;
    }

    @Get("/registers/untaken")
    @Operation(summary = "Registers not taken by their close: each register group's session of the day (default today) with pupils still unmarked")
    public Page<MissingRegisters.Untaken> untaken(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue LocalDate date, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(missing.untaken(actors.resolve(auth.getName()), schoolId, date), new PageRequest(page, size));
    }
}
