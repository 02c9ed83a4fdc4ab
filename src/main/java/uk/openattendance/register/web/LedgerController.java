package uk.openattendance.register.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
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
import uk.openattendance.register.app.ChainCheck;
import uk.openattendance.register.app.HistoryService;
import uk.openattendance.register.app.LedgerSealDocument;
import uk.openattendance.register.app.LedgerSeals;
import uk.openattendance.security.Actor;
import uk.openattendance.security.ActorResolver;

@ProblemResponses
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Registers")
public class LedgerController {
    private final LedgerSeals seals;
    private final HistoryService history;
    private final ActorResolver actors;

    public LedgerController(LedgerSeals seals, HistoryService history, ActorResolver actors) {
        this.seals = seals;
        this.history = history;
        this.actors = actors;
    }

    @Get("/schools/{schoolId}/ledger-seals")
    @Operation(summary = "The school's daily signed seals of its mark-history chains, newest first (school administrators)")
    public Page<LedgerSeals.SealView> listLedgerSeals(Authentication auth, @PathVariable long schoolId, @QueryValue(defaultValue = "0") int page,
            @QueryValue(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        Actor actor = actors.resolve(auth.getName());
        return Page.of(seals.list(actor, schoolId, request), request, seals.count(actor, schoolId));
    }

    @Get("/schools/{schoolId}/ledger-seals/{date}")
    @Operation(summary = "Download one day's signed seal: keep it outside the service, and give it back to the verification to check the database")
    public HttpResponse<LedgerSealDocument> getLedgerSeal(Authentication auth, @PathVariable long schoolId, @PathVariable LocalDate date) {
        return HttpResponse.ok(seals.document(actors.resolve(auth.getName()), schoolId, date))
                .header("Content-Disposition", "attachment; filename=\"ledger-seal-" + schoolId + "-" + date + ".json\"");
    }

    @Post("/schools/{schoolId}/mark-history/verification")
    @Operation(summary = "Check every chain and current mark of the school, and the database against a seal the caller kept: a deleted chain, "
            + "removed entries or a rewritten history are reported; a seal whose signature does not hold is refused")
    public ChainCheck verifySchoolHistoryAgainstSeal(Authentication auth, @PathVariable long schoolId, @Body LedgerSealDocument seal) {
        return history.verifySchoolAgainstSeal(actors.resolve(auth.getName()), schoolId, seal);
    }

    @Get("/ledger-seal-key")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(security = {}, summary = "The public key that checks ledger seals' signatures (anyone may check a seal without the service's secret)")
    public LedgerSeals.PublicKeyView getLedgerSealKey() {
        return seals.publicKey();
    }
}
