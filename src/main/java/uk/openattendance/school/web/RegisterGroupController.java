package uk.openattendance.school.web;

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
import uk.openattendance.school.app.RegisterGroupCommand;
import uk.openattendance.school.app.RegisterGroupService;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}/register-groups")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Register groups")
public class RegisterGroupController {
    private final RegisterGroupService groups;
    private final ActorResolver actors;
    private final Created created;

    public RegisterGroupController(RegisterGroupService groups, ActorResolver actors, Created created) {
        this.groups = groups;
        this.actors = actors;
        this.created = created;
    }

    @Get
    @Operation(summary = "The school's register groups (forms, classes)")
    public Page<RegisterGroupView> listRegisterGroups(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(groups.registerGroups(actors.resolve(auth.getName()), schoolId), new PageRequest(page, size));
    }

    @Get("/{groupId}")
    @Operation(summary = "One register group and its morning and afternoon session times")
    public RegisterGroupView getRegisterGroup(Authentication auth, @PathVariable long schoolId, @PathVariable long groupId) {
        return groups.registerGroup(actors.resolve(auth.getName()), schoolId, groupId);
    }

    @Post
    @Operation(summary = "Add a register group; refused if any register would be open over 30 minutes or not the same length as the others")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RegisterGroupView.class)))
    public HttpResponse<?> createRegisterGroup(Authentication auth, @PathVariable long schoolId, @Nullable @Header(Created.IDEMPOTENCY_KEY) String key,
            @Body RegisterGroupCommand body) {
        return created.respond(auth, key, "createRegisterGroup:" + schoolId, body, () -> groups.create(actors.resolve(auth.getName()), schoolId, body));
    }

    @Put("/{groupId}")
    @Operation(summary = "Change a register group's times; send the version you read")
    public RegisterGroupView updateRegisterGroup(Authentication auth, @PathVariable long schoolId, @PathVariable long groupId, @Body RegisterGroupCommand body) {
        return groups.update(actors.resolve(auth.getName()), schoolId, groupId, body);
    }
}
