package uk.openattendance.register.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.register.domain.AttendanceCode;
import uk.openattendance.register.domain.CodeCatalogue;

@ProblemResponses
@Controller("/api/v1/attendance-codes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Registers")
public class CodeController {

    @Get
    @Operation(summary = "The register codes (2024 regulations) and the retired ones, with how each counts; with ?date= only those in force that day")
    public Page<AttendanceCode> listAttendanceCodes(@Nullable @QueryValue LocalDate date, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(date == null ? CodeCatalogue.all() : CodeCatalogue.inForceOn(date), new PageRequest(page, size));
    }
}
