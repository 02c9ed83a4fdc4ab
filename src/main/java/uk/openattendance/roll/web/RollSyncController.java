package uk.openattendance.roll.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import uk.openattendance.platform.sync.ChangePage;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.roll.app.RollSync;
import uk.openattendance.security.ActorResolver;

/** The roll kept in step with the school's MIS: bulk upserts keyed by the MIS's ids, and change feeds to pull. */
@Controller("/api/v1/schools/{schoolId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "MIS sync")
@ProblemResponses
public class RollSyncController {
    private final RollSync sync;
    private final ActorResolver actors;

    public RollSyncController(RollSync sync, ActorResolver actors) {
        this.sync = sync;
        this.actors = actors;
    }

    @Post("/pupils/bulk-upsert")
    @Operation(summary = "Create or update pupils keyed by the MIS's id (a pupil already on the roll is matched by UPN the first time); "
            + "all or nothing, each bad entry named; sending the same body twice changes nothing")
    public RollSync.Upserted upsertPupils(Authentication auth, @PathVariable long schoolId, @Body RollSync.UpsertPupils body) {
        return sync.upsertPupils(actors.resolve(auth.getName()), schoolId, body);
    }

    @Post("/contacts/bulk-upsert")
    @Operation(summary = "Create or update pupils' contacts keyed by the MIS's ids of the person and the pupil (send the pupils first); "
            + "the same person for two siblings is one contact; all or nothing")
    public RollSync.Upserted upsertContacts(Authentication auth, @PathVariable long schoolId, @Body RollSync.UpsertContacts body) {
        return sync.upsertContacts(actors.resolve(auth.getName()), schoolId, body);
    }

    @Get("/changes/pupils")
    @Operation(summary = "Pupils created or changed after the cursor (or since updatedSince), oldest change first; send nextCursor back "
            + "unchanged for the next page; changes are served once 30 s old, so a client keeping its cursor misses none")
    public ChangePage<RollSync.PupilChange> pupilChanges(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Instant updatedSince, @Nullable @QueryValue Integer size) {
        return sync.pupilChanges(actors.resolve(auth.getName()), schoolId, cursor, updatedSince, size);
    }

    @Get("/changes/contacts")
    @Operation(summary = "Contact links created or changed after the cursor (a change to a person lists each of their children's links), "
            + "oldest change first, with the MIS's ids")
    public ChangePage<RollSync.ContactChange> contactChanges(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Instant updatedSince, @Nullable @QueryValue Integer size) {
        return sync.contactChanges(actors.resolve(auth.getName()), schoolId, cursor, updatedSince, size);
    }
}
