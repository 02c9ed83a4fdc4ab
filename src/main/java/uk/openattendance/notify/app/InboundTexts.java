package uk.openattendance.notify.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.notify.persistence.InboundStatus;
import uk.openattendance.notify.persistence.InboundStore;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.roll.domain.MobileNumber;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Inbound texts: stored before anything else (so nothing is lost whatever happens next), processed once per provider id,
 * opt-out keywords honoured here, everything else handed to the reply reader; a text it cannot act on waits for a person.
 */
@Singleton
public class InboundTexts {
    private static final Logger LOG = LoggerFactory.getLogger(InboundTexts.class);

    static final java.time.Duration SWEEP_AFTER = java.time.Duration.ofMinutes(2);
    private static final int SWEEP_BATCH = 20;

    private final InboundStore store;
    private final InboundSteps steps;
    private final Clock clock;

    InboundTexts(InboundStore store, InboundSteps steps, Clock clock) {
        this.store = store;
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * A stored text. {@code actioned}: something was recorded from it at once (a text can be actioned and still wait
     * for review); {@code urgent}: a reason that must reach a person first; {@code reasons} (urgent first) and, per
     * child, what the reading {@code suggestions} and how much of it was applied.
     */
    @Schema(example = "{\"id\": 2207, \"from\": \"+447700900124\", \"body\": \"Nia was sick in the night so keeping her off today, hopefully back Wednesday. Seren\", \"receivedAt\": \"2026-11-23T07:58:04Z\", \"schoolId\": 3, \"contactId\": 119, \"status\": \"RESOLVED\", \"reading\": \"illness, today and tomorrow\", \"reviewReason\": \"A return date the reader could not be sure of\", \"reply\": \"Thank you, Example Hill Primary has your message about Nia.\", \"resolvedBy\": \"office@example.org\", \"resolvedAt\": \"2026-11-23T08:40:00Z\", \"resolution\": \"Phoned Mum back: Nia is off until Wednesday, marked I for both days\", \"actioned\": true, \"urgent\": false, \"reasons\": [{\"label\": \"Return date unclear\", \"why\": \"A return date the reader could not be sure of\", \"urgent\": false}], \"suggestions\": [{\"pupilId\": 42, \"name\": \"Nia Fenwright\", \"outcome\": \"ILLNESS\", \"code\": \"I\", \"firstDate\": \"2026-11-23\", \"lastDate\": \"2026-11-24\", \"lastSession\": \"PM\", \"expectedReturn\": \"2026-11-25\", \"appliedThrough\": \"2026-11-24\", \"acceptedBy\": \"office@example.org\", \"summary\": \"Nia: I until 24 Nov, applied\"}]}")
    public record InboundView(long id, String from, String body, java.time.Instant receivedAt, Long schoolId, Long contactId, String status, String reading,
            String reviewReason, String reply, String resolvedBy, java.time.Instant resolvedAt, String resolution, boolean actioned, boolean urgent,
            List<InboundHandler.Reason> reasons, List<InboundHandler.Suggestion> suggestions) {}

    /**
     * Returns the reply to send back (TwiML), or null for none. The text is stored first in its own commit (so nothing
     * is lost), then processed in one transaction with its outcome. A text already processed is answered as before and
     * changes nothing: Twilio redelivers only when it did not get our first answer, so the family sees that reply once.
     * A failure other than the reader's propagates (Twilio is answered 5xx and may redeliver; the sweeper retries too).
     */
    public String receive(String providerId, String from, String to, String body) {
        String sender = MobileNumber.toE164(from).orElse(from);
        InboundStore.InboundRow row = store.store(providerId, sender, to == null ? "" : to, body == null ? "" : body, clock.instant());
        if (row.status() != InboundStatus.RECEIVED) {
            return row.reply();
        }
        return process(row.id(), false).reply();
    }

    /**
     * Texts left RECEIVED by an instance that died (or failed) mid-processing, processed now; run from the dispatcher's
     * tick. Texts younger than {@link #SWEEP_AFTER} may still be in a live request, and one another transaction holds is
     * passed over, so a text is never processed twice. Returns how many it processed.
     */
    public int sweepCrashed() {
        int processed = 0;
        for (long id : store.receivedBefore(clock.instant().minus(SWEEP_AFTER), SWEEP_BATCH)) {
            try {
                processed += process(id, true).ran() ? 1 : 0;
            } catch (RuntimeException e) {
                // it has now failed in its request and again here: a person sees it rather than every tick retrying it
                LOG.error("inbound text {} could not be processed on a retry; kept for review", id, e);
                try {
                    processed += steps.review(id, "could not be processed automatically (" + e.getClass().getSimpleName() + ")").ran() ? 1 : 0;
                } catch (RuntimeException again) {
                    LOG.error("inbound text {} could not be put up for review; the next sweep tries again", id, again);
                }
            }
        }
        return processed;
    }

    private InboundSteps.Done process(long id, boolean skipLocked) {
        for (int attempt = 1; ; attempt++) {
            try {
                return steps.process(id, skipLocked);
            } catch (InboundSteps.Unreadable e) {
                LOG.error("inbound text {} could not be processed; kept for review", id, e.getCause());
                return steps.review(id, "could not be read automatically (" + e.getCause().getClass().getSimpleName() + ")");
            } catch (RuntimeException e) {
                // a deadlock victim changed nothing (its transaction was rolled back): run it again
                if (attempt >= 3 || !uk.openattendance.platform.db.Deadlocks.isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    /** The office's review queue (status REVIEW) or every text of the school. */
    public List<InboundView> ofSchool(Actor actor, long schoolId, String status, int page, int size) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        return store.ofSchool(schoolId, status, page * size, size).stream().map(InboundTexts::view).toList();
    }

    /** Texts to the trust's shared number from numbers no contact has: the trust's administrators pass them on. */
    public List<InboundView> ofTrust(Actor actor, long trustId, String status, int page, int size) {
        requireTrust(actor, trustId);
        return store.ofTrust(trustId, status, page * size, size).stream().map(InboundTexts::view).toList();
    }

    /** Texts from numbers no contact has: platform administrators see them and pass them to the school. */
    public List<InboundView> unmatched(Actor actor, int page, int size) {
        if (!actor.isSystem() && !actor.platformAdmin()) {
            throw CommonProblem.notFound("Unmatched texts", "");
        }
        return store.ofSchool(null, "REVIEW", page * size, size).stream().map(InboundTexts::view).toList();
    }

    /** One text of the school, read with {@link #ofSchool}'s permission; another school's text (or one no school has) is not found. */
    public InboundView text(Actor actor, long schoolId, long id) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        return store.byId(id).filter(r -> r.schoolId() != null && r.schoolId() == schoolId).map(InboundTexts::view)
                .orElseThrow(() -> CommonProblem.notFound("Text", id));
    }

    /** How many texts {@link #ofSchool} lists across its pages, for the page's total. */
    public long countOfSchool(Actor actor, long schoolId, String status) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        return store.countOfSchool(schoolId, status);
    }

    /** How many texts {@link #ofTrust} lists across its pages. */
    public long countOfTrust(Actor actor, long trustId, String status) {
        requireTrust(actor, trustId);
        return store.countOfTrust(trustId, status);
    }

    /** How many texts {@link #unmatched} lists across its pages. */
    public long countUnmatched(Actor actor) {
        if (!actor.isSystem() && !actor.platformAdmin()) {
            throw CommonProblem.notFound("Unmatched texts", "");
        }
        return store.countOfSchool(null, "REVIEW");
    }

    public InboundView resolve(Actor actor, long schoolId, long id, String resolution) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        if (resolution == null || resolution.isBlank() || resolution.length() > 1000) {
            throw new DomainProblem(NotifyProblem.RESOLUTION_NOT_VALID, "resolution: expected what the office did, at most 1000 characters",
                    List.of(new FieldError("resolution", "what the office did, at most 1000 characters, e.g. 'Called mum: holiday, coded G'")));
        }
        if (!store.resolve(id, schoolId, actor.describeIn(schoolId), resolution.strip(), clock.instant())) {
            throw CommonProblem.notFound("Text waiting for review", id);
        }
        return view(store.byId(id).orElseThrow());
    }

    public InboundView resolveForTrust(Actor actor, long trustId, long id, String resolution) {
        requireTrust(actor, trustId);
        checkResolution(resolution);
        if (!store.resolveForTrust(id, trustId, actor.name() + " (Trust administrator)", resolution.strip(), clock.instant())) {
            throw CommonProblem.notFound("Text waiting for review", id);
        }
        return view(store.byId(id).orElseThrow());
    }

    private static void requireTrust(Actor actor, long trustId) {
        if (!actor.administersTrust(trustId)) {
            throw CommonProblem.notFound("Trust", trustId);
        }
    }

    private static void checkResolution(String resolution) {
        if (resolution == null || resolution.isBlank() || resolution.length() > 1000) {
            throw new DomainProblem(NotifyProblem.RESOLUTION_NOT_VALID, "resolution: expected what the office did, at most 1000 characters",
                    List.of(new FieldError("resolution", "what the office did, at most 1000 characters, e.g. 'Called mum: holiday, coded G'")));
        }
    }

    /**
     * A text of the scope's school waiting for review, locked until the caller's transaction ends, so two offices
     * accepting the same suggestion at once apply it once. Empty when there is no such text.
     */
    public java.util.Optional<InboundView> lockInReview(SchoolScope scope, long id) {
        return store.lockInReview(id, scope.schoolId()).map(InboundTexts::view);
    }

    /** Records what the office applied of a text's suggestions (inside the transaction that locked it and wrote the reports). */
    public void suggestionsApplied(SchoolScope scope, long id, List<InboundHandler.Suggestion> suggestions) {
        InboundStore.InboundRow row = store.lockInReview(id, scope.schoolId()).orElseThrow(() -> CommonProblem.notFound("Text waiting for review", id));
        store.suggestionsChanged(row.id(), InboundJson.suggestions(suggestions), row.actioned() || suggestions.stream().anyMatch(s -> s.appliedThrough() != null));
    }

    private static InboundView view(InboundStore.InboundRow r) {
        return new InboundView(r.id(), r.from(), r.body(), r.receivedAt(), r.schoolId(), r.contactId(), r.status().name(), r.reading(), r.reviewReason(), r.reply(),
                r.resolvedBy(), r.resolvedAt(), r.resolution(), r.actioned(), r.urgent(), InboundJson.reasons(r.reasons()), InboundJson.suggestions(r.suggestions()));
    }
}
