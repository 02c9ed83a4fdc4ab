package uk.openattendance.webhooks.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.QueryValue;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;
import uk.openattendance.webhooks.app.WebhookService;
import uk.openattendance.webhooks.app.WebhookViews.Delivery;
import uk.openattendance.webhooks.app.WebhookViews.Subscribe;
import uk.openattendance.webhooks.app.WebhookViews.Subscription;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}/webhooks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Webhooks")
public class WebhookController {
    private final WebhookService webhooks;
    private final ActorResolver actors;

    public WebhookController(WebhookService webhooks, ActorResolver actors) {
        this.webhooks = webhooks;
        this.actors = actors;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to events: leave.decided, letter.sent (SMTP accepted the email, or the copy was printed), register.taken, "
            + "mark.amended, absence.reported, message.failed, inbound.needs-review, pupil.not-known-safe. Payloads carry ids and links, never names. Each POST carries X-OpenAttendance-Signature: t=<unix seconds>,"
            + "v1=<hex HMAC-SHA256 of \"<t>.<body>\" under the secret>; the secret is in this answer only")
    public Subscription subscribeWebhook(Authentication auth, @PathVariable long schoolId, @Body Subscribe body) {
        return webhooks.subscribe(actors.resolve(auth.getName()), schoolId, body);
    }

    @Get
    @Operation(summary = "The school's webhook subscriptions (secrets masked)")
    public Page<Subscription> listWebhooks(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(webhooks.subscriptions(actors.resolve(auth.getName()), schoolId), request);
    }

    @Get("/{id}")
    @Operation(summary = "One webhook subscription (secret masked)")
    public Subscription getWebhook(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return webhooks.subscription(actors.resolve(auth.getName()), schoolId, id);
    }

    @Delete("/{id}")
    @Operation(summary = "Stop sending to a subscription; its deliveries stay on record")
    public Subscription deactivateWebhook(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return webhooks.deactivate(actors.resolve(auth.getName()), schoolId, id);
    }

    @Get("/{id}/deliveries")
    @Operation(summary = "The latest 200 deliveries to a subscription: status, attempts, the subscriber's last answer, and the payload")
    public Page<Delivery> listWebhookDeliveries(Authentication auth, @PathVariable long schoolId, @PathVariable long id,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(webhooks.deliveries(actors.resolve(auth.getName()), schoolId, id), request);
    }
}
