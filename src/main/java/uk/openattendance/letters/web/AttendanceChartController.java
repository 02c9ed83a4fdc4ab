package uk.openattendance.letters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import uk.openattendance.letters.app.AttendanceCharts;
import uk.openattendance.letters.domain.WeeklyChart;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.security.ActorResolver;

/** The weekly attendance chart the letters carry, as SVG for staff front ends: a pupil's, a register group's, a school's. */
@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Figures")
public class AttendanceChartController {
    static final String SVG = "image/svg+xml";

    private final AttendanceCharts charts;
    private final ActorResolver actors;

    public AttendanceChartController(AttendanceCharts charts, ActorResolver actors) {
        this.charts = charts;
        this.actors = actors;
    }

    @Get(value = "/schools/{schoolId}/pupils/{pupilId}/attendance-chart", produces = SVG)
    @Operation(summary = "A pupil's attendance week by week as an SVG bar chart, the school's letter thresholds drawn as dashed lines (from, to: "
            + "default the school year to date); its title and desc say the figures in words")
    public HttpResponse<String> getPupilAttendanceChart(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId,
            @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to) {
        return svg(charts.pupil(actors.resolve(auth.getName()), schoolId, pupilId, from, to));
    }

    @Get(value = "/schools/{schoolId}/register-groups/{registerGroupId}/attendance-chart", produces = SVG)
    @Operation(summary = "A register group's (class's) attendance week by week as an SVG bar chart, with the school's letter thresholds")
    public HttpResponse<String> getRegisterGroupAttendanceChart(Authentication auth, @PathVariable long schoolId, @PathVariable long registerGroupId,
            @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to) {
        return svg(charts.registerGroup(actors.resolve(auth.getName()), schoolId, registerGroupId, from, to));
    }

    @Get(value = "/schools/{schoolId}/attendance-chart", produces = SVG)
    @Operation(summary = "The whole school's attendance week by week as an SVG bar chart, with the school's letter thresholds")
    public HttpResponse<String> getSchoolAttendanceChart(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue LocalDate from,
            @Nullable @QueryValue LocalDate to) {
        return svg(charts.school(actors.resolve(auth.getName()), schoolId, from, to));
    }

    private static HttpResponse<String> svg(WeeklyChart.Chart chart) {
        return HttpResponse.ok(chart.svg()).contentType(SVG).header("Cache-Control", "private, no-store");
    }
}
