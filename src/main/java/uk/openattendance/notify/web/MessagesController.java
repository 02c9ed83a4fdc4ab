package uk.openattendance.notify.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.openattendance.platform.web.Created;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import uk.openattendance.platform.export.Spreadsheets;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.app.Suppressions;
import uk.openattendance.notify.app.Templates;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications")
public class MessagesController {
    private final Outbox outbox;
    private final Templates templates;
    private final Suppressions suppressions;
    private final InboundTexts inbound;
    private final ActorResolver actors;
    private final Created created;

    public MessagesController(Outbox outbox, Templates templates, Suppressions suppressions, InboundTexts inbound, ActorResolver actors, Created created) {
        this.created = created;
        this.outbox = outbox;
        this.templates = templates;
        this.suppressions = suppressions;
        this.inbound = inbound;
        this.actors = actors;
    }

    @Get(value = "/schools/{schoolId}/messages", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessagePage.class)),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Texts and emails the school sent or is sending, newest first, with status, provider id, attempts and SMS segments")
    public Page<Outbox.MessageView> listMessages(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue LocalDate date,
            @Nullable @QueryValue @Schema(type = "string") MessagePurpose purpose, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        Actor actor = actors.resolve(auth.getName());
        if (Spreadsheets.asked()) {
            // an export is every message the filters match, not the page the JSON would show
            return Page.whole(outbox.messages(actor, schoolId, date, purpose, 0, Integer.MAX_VALUE));
        }
        return Page.counted(request, outbox.countMessages(actor, schoolId, date, purpose), (p, s) -> outbox.messages(actor, schoolId, date, purpose, p, s));
    }

    @Get("/schools/{schoolId}/messages/{id}")
    @Operation(summary = "One text or email the school sent or is sending, as the list shows it (secret-bearing ones only to administrators)")
    public Outbox.MessageView getMessage(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return outbox.message(actors.resolve(auth.getName()), schoolId, id);
    }

    @Get("/schools/{schoolId}/message-templates")
    @Operation(summary = "The wording of every message the school sends, in English and each language it reaches families in, with an example, "
            + "its cost in SMS segments, and whether a machine-made translation still needs review by someone at the school")
    public Page<Templates.TemplateView> listTemplates(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String language,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(templates.templates(actors.resolve(auth.getName()), schoolId, language), request);
    }

    @Put("/schools/{schoolId}/message-templates/{purpose}")
    @Operation(summary = "Set the school's own wording for a message in one language (default en); {{field}} placeholders are checked")
    public Templates.TemplateView saveTemplate(Authentication auth, @PathVariable long schoolId, @PathVariable MessagePurpose purpose,
            @Nullable @QueryValue String language, @Body Templates.SaveTemplate body) {
        return templates.save(actors.resolve(auth.getName()), schoolId, purpose, language, body);
    }

    @Delete("/schools/{schoolId}/message-templates/{purpose}")
    @Operation(summary = "Go back to the service's wording in that language (default en)")
    public Templates.TemplateView resetTemplate(Authentication auth, @PathVariable long schoolId, @PathVariable MessagePurpose purpose,
            @Nullable @QueryValue String language) {
        return templates.reset(actors.resolve(auth.getName()), schoolId, purpose, language);
    }

    @Post("/schools/{schoolId}/message-templates/{purpose}/review")
    @Operation(summary = "Someone at the school who reads the language approves the service's machine-made wording as it stands")
    public Templates.TemplateView reviewTemplate(Authentication auth, @PathVariable long schoolId, @PathVariable MessagePurpose purpose,
            @QueryValue String language) {
        return templates.markReviewed(actors.resolve(auth.getName()), schoolId, purpose, language);
    }

    @Get("/schools/{schoolId}/suppressions")
    @Operation(summary = "Numbers and addresses that are not messaged: opt-outs (STOP) and the school's own list")
    public Page<Suppressions.SuppressionView> listSuppressions(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return Page.slice(suppressions.list(actors.resolve(auth.getName()), schoolId), request);
    }

    @Post("/schools/{schoolId}/suppressions")
    @Operation(summary = "Stop messaging a number or address (e.g. a parent asked by phone)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Suppressions.SuppressionView.class)))
    public HttpResponse<?> addSuppression(Authentication auth, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @PathVariable long schoolId,
            @Body Suppressions.Suppress body) {
        return created.respond(auth, key, "addSuppression:" + schoolId, body, () -> suppressions.add(actors.resolve(auth.getName()), schoolId, body));
    }

    @Delete("/schools/{schoolId}/suppressions/{address}")
    @Operation(summary = "Message this number or address again (the school's own list; a STOP is undone only by the parent replying START)")
    public void removeSuppression(Authentication auth, @PathVariable long schoolId, @PathVariable String address) {
        suppressions.remove(actors.resolve(auth.getName()), schoolId, address);
    }

    @Get("/schools/{schoolId}/inbound-messages")
    @Operation(summary = "Texts from families: status REVIEW is the office's queue of replies the service could not act on")
    public Page<InboundTexts.InboundView> listInbound(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue String status,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        Actor actor = actors.resolve(auth.getName());
        return Page.counted(request, inbound.countOfSchool(actor, schoolId, status), (p, s) -> inbound.ofSchool(actor, schoolId, status, p, s));
    }

    @Get("/schools/{schoolId}/inbound-messages/{id}")
    @Operation(summary = "One text from a family, as the list shows it: its reading, why it waits for review, and what was applied per child")
    public InboundTexts.InboundView getInboundMessage(Authentication auth, @PathVariable long schoolId, @PathVariable long id) {
        return inbound.text(actors.resolve(auth.getName()), schoolId, id);
    }

    @Get("/trusts/{trustId}/inbound-messages")
    @Operation(summary = "Texts to the trust's shared number from numbers no contact has (trust administrators)")
    public Page<InboundTexts.InboundView> listTrustInbound(Authentication auth, @PathVariable long trustId, @Nullable @QueryValue String status,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        Actor actor = actors.resolve(auth.getName());
        return Page.counted(request, inbound.countOfTrust(actor, trustId, status), (p, s) -> inbound.ofTrust(actor, trustId, status, p, s));
    }

    @Schema(example = "{\"resolution\": \"Phoned Mum back: Kit is off with a cold, marked I\"}")
    public record Resolve(String resolution) {}

    @Post("/schools/{schoolId}/inbound-messages/{id}/resolve")
    @Operation(summary = "Record what the office did with a text waiting for review")
    public InboundTexts.InboundView resolveInbound(Authentication auth, @PathVariable long schoolId, @PathVariable long id, @Body Resolve body) {
        return inbound.resolve(actors.resolve(auth.getName()), schoolId, id, body.resolution());
    }

    @Post("/trusts/{trustId}/inbound-messages/{id}/resolve")
    @Operation(summary = "Record what the trust did with a text to its shared number (e.g. passed to the school)")
    public InboundTexts.InboundView resolveTrustInbound(Authentication auth, @PathVariable long trustId, @PathVariable long id, @Body Resolve body) {
        return inbound.resolveForTrust(actors.resolve(auth.getName()), trustId, id, body.resolution());
    }

    @Get("/inbound-messages/unmatched")
    @Operation(summary = "Texts from numbers no contact has (platform administrators)")
    public Page<InboundTexts.InboundView> listUnmatched(Authentication auth, @QueryValue(defaultValue = "0") int page,
            @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        Actor actor = actors.resolve(auth.getName());
        return Page.counted(request, inbound.countUnmatched(actor), (p, s) -> inbound.unmatched(actor, p, s));
    }

    /** The JSON of this list as the OpenAPI file shows it beside its spreadsheets: the Page envelope, named as every page is. */
    @Schema(name = "Page_Outbox.MessageView_")
    record MessagePage(List<Outbox.MessageView> items, int page, int size, long totalItems, int totalPages) {}
}
