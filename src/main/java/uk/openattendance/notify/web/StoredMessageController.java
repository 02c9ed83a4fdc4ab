package uk.openattendance.notify.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.notify.app.StoredMessageView;
import uk.openattendance.notify.app.StoredMessages;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}/stored-messages")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications")
@Requires(property = "notify.sink", value = "store", defaultValue = "store")
public class StoredMessageController {
    private final StoredMessages messages;
    private final ActorResolver actors;

    public StoredMessageController(StoredMessages messages, ActorResolver actors) {
        this.messages = messages;
        this.actors = actors;
    }

    @Get
    @Operation(summary = "Texts and emails that would have been sent, newest first (only when notify.sink is 'store')")
    public Page<StoredMessageView> listStoredMessages(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "0") int page,
            @QueryValue(defaultValue = "50") int size) {
        return messages.stored(actors.resolve(auth.getName()), schoolId, new PageRequest(page, size));
    }
}
