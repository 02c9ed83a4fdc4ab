package uk.openattendance.school.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.school.app.SmsSenders;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Schools")
public class SmsSenderController {
    private final SmsSenders senders;
    private final ActorResolver actors;

    public SmsSenderController(SmsSenders senders, ActorResolver actors) {
        this.senders = senders;
        this.actors = actors;
    }

    @Get("/schools/{schoolId}/sms-sender")
    @Operation(summary = "The number or Twilio Messaging Service the school's texts go from (null: the service's own)")
    public SmsSenders.SenderView getSchoolSender(Authentication auth, @PathVariable long schoolId) {
        return senders.school(actors.resolve(auth.getName()), schoolId);
    }

    @Put("/schools/{schoolId}/sms-sender")
    @Operation(summary = "Set the school's own SMS number (E.164) or Messaging Service SID; texts to it reach this school's queue")
    public SmsSenders.SenderView setSchoolSender(Authentication auth, @PathVariable long schoolId, @Body SmsSenders.SenderView body) {
        return senders.setForSchool(actors.resolve(auth.getName()), schoolId, body.smsSender());
    }

    @Get("/trusts/{trustId}/sms-sender")
    @Operation(summary = "The trust's shared SMS number (trust administrators)")
    public SmsSenders.SenderView getTrustSender(Authentication auth, @PathVariable long trustId) {
        return senders.trust(actors.resolve(auth.getName()), trustId);
    }

    @Put("/trusts/{trustId}/sms-sender")
    @Operation(summary = "Set the trust's shared SMS number; texts to it from unknown senders wait in the trust's queue")
    public SmsSenders.SenderView setTrustSender(Authentication auth, @PathVariable long trustId, @Body SmsSenders.SenderView body) {
        return senders.setForTrust(actors.resolve(auth.getName()), trustId, body.smsSender());
    }
}
