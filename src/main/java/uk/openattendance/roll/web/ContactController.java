package uk.openattendance.roll.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.Created;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.roll.app.AddressCommand;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}/pupils/{pupilId}/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Roll")
public class ContactController {
    private final ContactService contacts;
    private final ActorResolver actors;
    private final Created created;

    public ContactController(ContactService contacts, ActorResolver actors, Created created) {
        this.contacts = contacts;
        this.actors = actors;
        this.created = created;
    }

    @Get
    @Operation(summary = "The pupil's contacts, in priority order")
    public Page<ContactView> listContacts(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(contacts.contactsOf(actors.resolve(auth.getName()), schoolId, pupilId), new PageRequest(page, size));
    }

    @Post
    @Operation(summary = "Add a contact to a pupil; a mobile or email the school already holds links the same person (siblings)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ContactView.class)))
    public HttpResponse<?> addContact(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId,
            @Nullable @Header(Created.IDEMPOTENCY_KEY) String key, @Body ContactCommand body) {
        return created.respond(auth, key, "addContact:" + pupilId, body, () -> contacts.addContact(actors.resolve(auth.getName()), schoolId, pupilId, body));
    }

    @Put("/{contactId}/address")
    @Operation(summary = "Set a contact's postal address (line1, town and a UK postcode; line2 and line3 optional), or remove it with every field "
            + "blank; letters are posted to it when this parent has no email")
    public ContactView setContactAddress(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long contactId,
            @Body AddressCommand body) {
        return contacts.setAddress(actors.resolve(auth.getName()), schoolId, pupilId, contactId, body);
    }
}
