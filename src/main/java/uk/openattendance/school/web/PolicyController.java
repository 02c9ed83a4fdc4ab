package uk.openattendance.school.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.school.app.PolicyChangeView;
import uk.openattendance.school.app.PolicyService;
import uk.openattendance.school.app.SchoolPolicyView;
import uk.openattendance.school.app.TrustPolicyView;
import uk.openattendance.school.domain.PolicyPreset;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Policy")
public class PolicyController {
    private final PolicyService policies;
    private final ActorResolver actors;

    public PolicyController(PolicyService policies, ActorResolver actors) {
        this.policies = policies;
        this.actors = actors;
    }

    @Get("/policy-presets")
    @Operation(summary = "The five reference policies a school can start from, with the readings each had to make of its text")
    public Page<PolicyPreset> listPolicyPresets(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(PolicyPresets.all(), new PageRequest(page, size));
    }

    @Get("/schools/{schoolId}/policy")
    @Operation(summary = "The school's effective attendance policy settings, what it overrides itself, and what its preset had to interpret from the policy text")
    public SchoolPolicyView getSchoolPolicy(Authentication auth, @PathVariable long schoolId) {
        return policies.policy(actors.resolve(auth.getName()), schoolId);
    }

    @Patch("/schools/{schoolId}/policy")
    @Consumes({"application/merge-patch+json", "application/json"})
    @RequestBody(description = "A JSON merge patch (RFC 7386) over the settings: a value sets, null switches a rule off", content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(type = "object"), examples = @ExampleObject(name = "laterPhoneCalls", value = "{\"firstDay\": {\"phoneFrom\": \"10:15\"}, \"lateness\": {\"enabled\": false}}")),
            @Content(mediaType = "application/json", schema = @Schema(type = "object"), examples = @ExampleObject(name = "laterPhoneCalls", value = "{\"firstDay\": {\"phoneFrom\": \"10:15\"}, \"lateness\": {\"enabled\": false}}"))})
    @Operation(summary = "Change settings with a JSON merge patch, e.g. {\"firstDay\": {\"phoneFrom\": \"10:15\"}}; null switches a rule off")
    public SchoolPolicyView changeSchoolPolicy(Authentication auth, @PathVariable long schoolId, @Body Map<String, Object> patch) {
        return policies.change(actors.resolve(auth.getName()), schoolId, patch);
    }

    @Get("/schools/{schoolId}/policy/history")
    @Operation(summary = "Every change to the school's settings, oldest first, with who made it and when")
    public Page<PolicyChangeView> getSchoolPolicyHistory(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(policies.history(actors.resolve(auth.getName()), schoolId), new PageRequest(page, size));
    }

    @Get("/trusts/{trustId}/policy-defaults")
    @Operation(summary = "The trust's default attendance policy settings, which its schools take unless they set their own")
    public TrustPolicyView getTrustPolicyDefaults(Authentication auth, @PathVariable long trustId) {
        return policies.trustDefaults(actors.resolve(auth.getName()), trustId);
    }

    @Patch("/trusts/{trustId}/policy-defaults")
    @Consumes({"application/merge-patch+json", "application/json"})
    @RequestBody(description = "A JSON merge patch (RFC 7386) over the settings: a value sets, null switches a rule off", content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(type = "object"), examples = @ExampleObject(name = "quietHours", value = "{\"messaging\": {\"quietFrom\": \"20:00\", \"quietUntil\": \"07:30\"}, \"marks\": {\"unresolvedNLimitSchoolDays\": 5}}")),
            @Content(mediaType = "application/json", schema = @Schema(type = "object"), examples = @ExampleObject(name = "quietHours", value = "{\"messaging\": {\"quietFrom\": \"20:00\", \"quietUntil\": \"07:30\"}, \"marks\": {\"unresolvedNLimitSchoolDays\": 5}}"))})
    @Operation(summary = "Change the defaults every school of the trust inherits unless it set its own value")
    public TrustPolicyView changeTrustPolicyDefaults(Authentication auth, @PathVariable long trustId, @Body Map<String, Object> patch) {
        return policies.changeTrustDefaults(actors.resolve(auth.getName()), trustId, patch);
    }
}
