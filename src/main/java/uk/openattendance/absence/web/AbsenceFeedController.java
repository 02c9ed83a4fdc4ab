package uk.openattendance.absence.web;

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
import java.time.Instant;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.platform.sync.ChangePage;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;

/** The change feed an MIS pulls (see README, "Sync with an MIS"). */
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "MIS sync")
@ProblemResponses
public class AbsenceFeedController {
    private final AbsenceService service;
    private final ActorResolver actors;

    public AbsenceFeedController(AbsenceService service, ActorResolver actors) {
        this.service = service;
        this.actors = actors;
    }

    @Get("/changes/absence-reports")
    @Operation(summary = "Absence reports recorded or changed after the cursor, oldest change first, with marksExplained as it stands; send nextCursor back unchanged for the next page")
    public ChangePage<AbsenceService.ReportChange> reportChanges(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Instant updatedSince, @Nullable @QueryValue Integer size) {
        return service.reportChanges(actors.resolve(auth.getName()), schoolId, cursor, updatedSince, size);
    }
}
