package uk.openattendance.notify.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import com.twilio.security.RequestValidator;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.notify.app.NotifyProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.platform.web.ProblemResponses;

/**
 * Twilio's webhooks. Each request must carry Twilio's signature over the public URL it called and its parameters
 * (403 otherwise); an inbound text is stored before it is read and answered with TwiML; a status callback updates the
 * message it is about.
 */
@ProblemResponses
@Controller("/api/v1/webhooks/twilio")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TwilioWebhookController {
    private final InboundTexts inbound;
    private final Dispatcher dispatcher;
    private final String authToken;
    private final String publicBaseUrl;

    public TwilioWebhookController(InboundTexts inbound, Dispatcher dispatcher, @Value("${notify.twilio.auth-token:}") String authToken,
            @Value("${attendance.public-base-url}") String publicBaseUrl) {
        this.inbound = inbound;
        this.dispatcher = dispatcher;
        this.authToken = authToken;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @Post(uri = "/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    @RequestBody(description = "The fields Twilio posts for an inbound text; only MessageSid, From and Body are read", content = @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "parentReply", value = "{\"ToCountry\": \"GB\", \"SmsMessageSid\": \"SM0c4b2e8f1a9d7c6b5a4f3e2d1c0b9a8f7\", \"NumMedia\": \"0\", \"SmsSid\": \"SM0c4b2e8f1a9d7c6b5a4f3e2d1c0b9a8f7\", \"SmsStatus\": \"received\", \"Body\": \"Nia was sick in the night so keeping her off today. Seren\", \"FromCountry\": \"GB\", \"To\": \"+447700900950\", \"NumSegments\": \"1\", \"MessageSid\": \"SM0c4b2e8f1a9d7c6b5a4f3e2d1c0b9a8f7\", \"AccountSid\": \"AC00000000000000000000000000000000\", \"From\": \"+447700900124\", \"ApiVersion\": \"2010-04-01\"}")))
    @ApiResponse(responseCode = "200", description = "TwiML: the reply to text back, or an empty Response for none", content = @Content(mediaType = "text/xml",
            schema = @Schema(type = "string"), examples = @ExampleObject(name = "reply", value = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thank you, Example Hill Primary has your message about Nia.</Message></Response>")))
    @Operation(security = {}, summary = "Inbound text (Twilio webhook, signed): stored, then read; answered with TwiML")
    public HttpResponse<String> receiveSms(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
            @Nullable @Body Map<String, String> form) {
        Map<String, String> params = verified(request, signature, form);
        require(params, "MessageSid", "From");
        String reply = inbound.receive(params.get("MessageSid"), params.get("From"), params.get("To"), params.getOrDefault("Body", ""));
        String twiml = reply == null ? "<Response/>" : "<Response><Message>" + xml(reply) + "</Message></Response>";
        return HttpResponse.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + twiml).contentType(MediaType.TEXT_XML_TYPE);
    }

    @Post(uri = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @RequestBody(description = "The fields Twilio posts for a status callback; MessageSid and MessageStatus are read", content = @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "undelivered", value = "{\"MessageSid\": \"SM8f2b0c1d3e4a5b6c7d8e9f0a1b2c3d4e5\", \"MessageStatus\": \"undelivered\", \"ErrorCode\": \"30003\", \"To\": \"+447700900123\", \"From\": \"+447700900950\", \"AccountSid\": \"AC00000000000000000000000000000000\", \"ApiVersion\": \"2010-04-01\"}")))
    @Operation(security = {}, summary = "Delivery receipt (Twilio status callback, signed): a failed or undelivered text moves on to the next contact or channel")
    public HttpResponse<Void> receiveStatus(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
            @Nullable @Body Map<String, String> form) {
        Map<String, String> params = verified(request, signature, form);
        require(params, "MessageSid", "MessageStatus");
        dispatcher.receipt(params.get("MessageSid"), params.get("MessageStatus"), params.get("ErrorCode"));
        return HttpResponse.noContent();
    }

    private Map<String, String> verified(HttpRequest<?> request, String signature, Map<String, String> form) {
        Map<String, String> params = form == null ? Map.of() : new HashMap<>(form);
        if (authToken == null || authToken.isBlank()) {
            throw new DomainProblem(NotifyProblem.WEBHOOK_NOT_SIGNED, "Webhooks are not accepted: this service has no TWILIO_AUTH_TOKEN to check signatures with");
        }
        String query = request.getUri().getRawQuery();
        String url = publicBaseUrl + request.getPath() + (query == null ? "" : "?" + query);
        if (signature == null || !new RequestValidator(authToken).validate(url, params, signature)) {
            throw new DomainProblem(NotifyProblem.WEBHOOK_NOT_SIGNED, "X-Twilio-Signature is missing or does not match " + url + " and the parameters sent");
        }
        return params;
    }

    private static void require(Map<String, String> params, String... names) {
        List<FieldError> missing = new ArrayList<>();
        for (String n : names) {
            if (params.get(n) == null || params.get(n).isBlank()) {
                missing.add(new FieldError(n, "the " + n + " parameter Twilio always sends"));
            }
        }
        if (!missing.isEmpty()) {
            throw new DomainProblem(NotifyProblem.WEBHOOK_NOT_VALID, "Missing " + missing.get(0).field(), missing);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
