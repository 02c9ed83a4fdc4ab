package uk.openattendance.platform.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The refusals every authenticated operation can give, documented once so the OpenAPI file shows integrators the problem+json shape. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", description = "The request is malformed or a field is not valid; `errors` names each field and what was expected",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@ApiResponse(responseCode = "401", description = "No valid bearer token or API key",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@ApiResponse(responseCode = "403", description = "The caller's role or key scope does not include this action",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@ApiResponse(responseCode = "404", description = "Not found, or belongs to a school the caller has no standing in",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@ApiResponse(responseCode = "409", description = "Someone changed the record first (send the current version) or it already exists",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@ApiResponse(responseCode = "413", description = "The body is larger than 5 MB",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public @interface ProblemResponses {}
