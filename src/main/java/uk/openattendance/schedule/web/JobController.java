package uk.openattendance.schedule.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.platform.web.ProblemResponses;
import uk.openattendance.schedule.app.JobView;
import uk.openattendance.schedule.app.Scheduler;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1/schools/{schoolId}/jobs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Jobs")
public class JobController {
    private final Scheduler scheduler;
    private final ActorResolver actors;

    public JobController(Scheduler scheduler, ActorResolver actors) {
        this.scheduler = scheduler;
        this.actors = actors;
    }

    @Get
    @Operation(summary = "The school's timed jobs (first texts, call list, lateness, praise...) with what each did, failed or skipped and why")
    public Page<JobView> listJobs(Authentication auth, @PathVariable long schoolId, @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        return Page.slice(scheduler.jobs(actors.resolve(auth.getName()), schoolId, from, to == null ? from : to), new PageRequest(page, size));
    }

    @Post("/{jobId}/rerun")
    @Operation(summary = "Run a failed or skipped job again now")
    public JobView rerunJob(Authentication auth, @PathVariable long schoolId, @PathVariable long jobId) {
        return scheduler.rerun(actors.resolve(auth.getName()), schoolId, jobId);
    }
}
