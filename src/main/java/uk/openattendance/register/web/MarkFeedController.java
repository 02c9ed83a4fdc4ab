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
import java.time.Instant;
import uk.openattendance.register.app.MarkFeed;
import uk.openattendance.platform.sync.ChangePage;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;

/** The change feed an MIS pulls (see README, "Sync with an MIS"). */
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "MIS sync")
@ProblemResponses
public class MarkFeedController {
    private final MarkFeed service;
    private final ActorResolver actors;

    public MarkFeedController(MarkFeed service, ActorResolver actors) {
        this.service = service;
        this.actors = actors;
    }

    @Get("/changes/marks")
    @Operation(summary = "Every mark written (first marks and amendments, each a line of the legal history) after the cursor, oldest first, with the MIS's pupil ids: what an MIS pulls to keep its register in step; send nextCursor back unchanged for the next page")
    public ChangePage<MarkFeed.MarkChange> markChanges(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Instant updatedSince, @Nullable @QueryValue Integer size) {
        return service.markChanges(actors.resolve(auth.getName()), schoolId, cursor, updatedSince, size);
    }
}
