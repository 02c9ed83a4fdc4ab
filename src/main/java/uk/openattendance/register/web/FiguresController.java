package uk.openattendance.register.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import uk.openattendance.platform.export.Spreadsheets;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.register.app.Cohort;
import uk.openattendance.register.app.DailyLists;
import uk.openattendance.register.app.FiguresRow;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.MarkImportService;
import uk.openattendance.register.app.WindowRequest;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.ActorResolver;

/**
 * Figures and lists. Every figure carries its window and denominator. Window parameters: window=RANGE&from&to, or
 * window=WEEK|HALF_TERM|TERM|YEAR_TO_DATE with an optional date (default today), or window=ROLLING_WEEKS&weeks=N.
 */
@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Attendance figures")
public class FiguresController {
    private final FiguresService figures;
    private final DailyLists daily;
    private final MarkImportService imports;
    private final ActorResolver actors;

    public FiguresController(FiguresService figures, DailyLists daily, MarkImportService imports, ActorResolver actors) {
        this.figures = figures;
        this.daily = daily;
        this.imports = imports;
        this.actors = actors;
    }

    private static WindowRequest window(WindowRequest.Kind window, LocalDate from, LocalDate to, LocalDate date, Integer weeks) {
        return new WindowRequest(window, from, to, date, weeks);
    }

    @Get("/schools/{schoolId}/pupils/{pupilId}/attendance")
    @Operation(summary = "A pupil's figures over a window: possible sessions, attended, authorised, unauthorised, lates, %, persistent/severe flags")
    public FiguresRow getPupilAttendance(Authentication auth, @PathVariable long schoolId, @PathVariable long pupilId,
            @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window, @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
            @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks) {
        return figures.pupil(actors.resolve(auth.getName()), schoolId, pupilId, window(window, from, to, date, weeks));
    }

    @Get("/schools/{schoolId}/attendance")
    @Operation(summary = "Figures grouped by PUPIL, REGISTER_GROUP, YEAR_GROUP, FORM, COHORT or SCHOOL, optionally for one cohort only")
    public Page<FiguresRow> getSchoolAttendance(Authentication auth, @PathVariable long schoolId,
            @QueryValue(defaultValue = "SCHOOL") FiguresService.GroupBy groupBy, @Nullable @QueryValue @Schema(type = "string") Cohort cohort,
            @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window, @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
            @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(figures.groups(actors.resolve(auth.getName()), schoolId, groupBy, cohort, window(window, from, to, date, weeks)),
                new PageRequest(page, size));
    }

    @Get(value = "/schools/{schoolId}/attendance/persistent-absentees", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/Page_FiguresRow_")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Pupils missing 10% or more of possible sessions (severeOnly: 50% or more), worst first")
    public Page<FiguresRow> listPersistentAbsentees(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "false") boolean severeOnly,
            @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window, @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
            @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(figures.persistentAbsentees(actors.resolve(auth.getName()), schoolId, window(window, from, to, date, weeks), severeOnly),
                new PageRequest(page, size));
    }

    @Get(value = "/schools/{schoolId}/attendance/at-risk", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/Page_FiguresRow_")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Pupils whose attendance is in a band (default 90% inclusive to 95% exclusive)")
    public Page<FiguresRow> listAtRisk(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "90") BigDecimal fromPercent,
            @QueryValue(defaultValue = "95") BigDecimal belowPercent, @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window, @Nullable @QueryValue LocalDate from,
            @Nullable @QueryValue LocalDate to, @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(figures.atRisk(actors.resolve(auth.getName()), schoolId, window(window, from, to, date, weeks), fromPercent, belowPercent),
                new PageRequest(page, size));
    }

    @Get(value = "/schools/{schoolId}/attendance/full-attendance", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/Page_FiguresRow_")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Pupils with 100% attendance over the window (e.g. window=WEEK, HALF_TERM, TERM or YEAR_TO_DATE)")
    public Page<FiguresRow> listFullAttendance(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window,
            @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(figures.fullAttendance(actors.resolve(auth.getName()), schoolId, window(window, from, to, date, weeks)), new PageRequest(page, size));
    }

    @Get("/schools/{schoolId}/attendance/best-classes")
    @Operation(summary = "The form with the best attendance in each key stage, for the week containing date (default this week)")
    public Page<FiguresRow> listBestClasses(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue LocalDate date, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(figures.bestClassPerKeyStage(actors.resolve(auth.getName()), schoolId, date), new PageRequest(page, size));
    }

    @Get("/schools/{schoolId}/attendance/day-of-week")
    @Operation(summary = "Sessions missed by weekday, for one pupil (pupilId) or a cohort or the whole school")
    public Page<FiguresService.DayPattern> getDayOfWeekPattern(Authentication auth, @PathVariable long schoolId, @Nullable @QueryValue Long pupilId,
            @Nullable @QueryValue @Schema(type = "string") Cohort cohort, @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window, @Nullable @QueryValue LocalDate from,
            @Nullable @QueryValue LocalDate to, @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(figures.dayOfWeek(actors.resolve(auth.getName()), schoolId, pupilId, cohort, window(window, from, to, date, weeks)),
                new PageRequest(page, size));
    }

    @Get("/schools/{schoolId}/attendance/lateness")
    @Operation(summary = "Lates and minutes late per pupil, converted to school days lost at minutesPerDay (default 390, a 6.5-hour day)")
    public Page<FiguresService.Lateness> listLateness(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "390") int minutesPerDay,
            @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window, @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
            @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks, @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(figures.lateness(actors.resolve(auth.getName()), schoolId, window(window, from, to, date, weeks), Math.max(1, minutesPerDay)),
                new PageRequest(page, size));
    }

    @Get(value = "/schools/{schoolId}/attendance/day/{date}/{session}", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyLists.DayList.class)),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Every pupil on roll for a session with their mark: the fire list (onSite) and who is absent or not yet marked")
    public DailyLists.DayList getDayList(Authentication auth, @PathVariable long schoolId, @PathVariable LocalDate date, @PathVariable Session session) {
        return daily.day(actors.resolve(auth.getName()), schoolId, date, session);
    }

    @Get(value = "/schools/{schoolId}/attendance/absent-today", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyLists.DayList.class)),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Today's absent and not-yet-marked pupils for the current session, vulnerable pupils first")
    public DailyLists.DayList listAbsentToday(Authentication auth, @PathVariable long schoolId) {
        return daily.absentToday(actors.resolve(auth.getName()), schoolId);
    }

    @Get("/trusts/{trustId}/attendance")
    @Operation(summary = "Each school's figures across the trust")
    public Page<FiguresRow> getTrustAttendance(Authentication auth, @PathVariable long trustId, @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window,
            @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(figures.trustSchools(actors.resolve(auth.getName()), trustId, window(window, from, to, date, weeks)), new PageRequest(page, size));
    }

    @Get(value = "/trusts/{trustId}/attendance/persistent-absentees", produces = {MediaType.APPLICATION_JSON, Spreadsheets.CSV, Spreadsheets.XLSX})
    @ApiResponse(responseCode = "200", description = Spreadsheets.ANSWER_DESCRIPTION, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/Page_FiguresRow_")),
            @Content(mediaType = Spreadsheets.CSV, schema = @Schema(type = "string", description = Spreadsheets.CSV_DESCRIPTION)),
            @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary", description = Spreadsheets.XLSX_DESCRIPTION))})
    @Operation(summary = "Persistent absentees across every school of the trust the caller may read, worst first")
    public Page<FiguresRow> listTrustPersistentAbsentees(Authentication auth, @PathVariable long trustId, @Nullable @QueryValue @Schema(type = "string") WindowRequest.Kind window,
            @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to, @Nullable @QueryValue LocalDate date, @Nullable @QueryValue Integer weeks,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Spreadsheets.pageOrWhole(figures.trustPersistentAbsentees(actors.resolve(auth.getName()), trustId, window(window, from, to, date, weeks)),
                new PageRequest(page, size));
    }

    @Post("/schools/{schoolId}/imports/marks")
    @Consumes("text/csv")
    @RequestBody(description = "marks.csv: a header row, then one row per pupil and session", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
            examples = @ExampleObject(name = "marks", value = "upn,date,session,code,minutes_late\nA123456789012,2026-09-07,AM,/,0\nA123456789012,2026-09-07,PM,\\,0\nB234567890123,2026-09-07,AM,L,12\nB234567890123,2026-09-07,PM,I,0\n")))
    @Operation(summary = "Import marks from another system: upn,date,session,code[,minutes_late]. All or nothing; retired codes mapped as the DfE says")
    public MarkImportService.MarkImportReport importMarks(Authentication auth, @PathVariable long schoolId, @Body String csv) {
        return imports.importMarks(actors.resolve(auth.getName()), schoolId, csv);
    }
}
