package uk.openattendance.notify.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.notify.domain.OptOutWords;
import uk.openattendance.notify.persistence.InboundStore;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.platform.problem.FieldError;
import uk.openattendance.roll.domain.UkMobile;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;

/**
 * Inbound texts: stored before anything else (so nothing is lost whatever happens next), processed once per provider id,
 * opt-out keywords honoured here, everything else handed to the reply reader; a text it cannot act on waits for a person.
 */
@Singleton
public class InboundTexts {
    private static final Logger LOG = LoggerFactory.getLogger(InboundTexts.class);

    private final InboundStore store;
    private final OutboxStore outbox;
    private final InboundHandler handler;
    private final Clock clock;

    public InboundTexts(InboundStore store, OutboxStore outbox, InboundHandler handler, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.handler = handler;
        this.clock = clock;
    }

    public record InboundView(long id, String from, String body, java.time.Instant receivedAt, Long schoolId, Long contactId, String status, String reading,
            String reviewReason, String reply, String resolvedBy, java.time.Instant resolvedAt, String resolution) {}

    /** Returns the reply to send back (TwiML), or null for none. A text already processed is answered as before, not processed again. */
    public String receive(String providerId, String from, String to, String body) {
        String sender = UkMobile.toE164(from).orElse(from);
        InboundStore.InboundRow row = store.store(providerId, sender, to == null ? "" : to, body == null ? "" : body, clock.instant());
        if (!row.status().equals("RECEIVED")) {
            return row.reply();
        }
        InboundHandler.Outcome outcome;
        try {
            outcome = optOut(row).orElseGet(() -> handler.handle(new InboundHandler.Text(row.id(), row.from(), row.body())));
        } catch (RuntimeException e) {
            LOG.error("inbound text {} could not be processed; kept for review", row.id(), e);
            outcome = new InboundHandler.Outcome(null, null, "REVIEW", null, "could not be read automatically (" + e.getClass().getSimpleName() + ")",
                    null);
        }
        store.processed(row.id(), outcome.schoolId(), outcome.contactId(), outcome.status(), outcome.reading(), outcome.reviewReason(), outcome.reply());
        return outcome.reply();
    }

    private java.util.Optional<InboundHandler.Outcome> optOut(InboundStore.InboundRow row) {
        return OptOutWords.of(row.body()).map(k -> switch (k) {
            case STOP -> {
                // the provider blocks the number for our sender, so the stop holds for every school sharing it
                outbox.suppress(0, row.from(), "replied '" + shorten(row.body()) + "'", "the contact, by text", clock.instant());
                yield new InboundHandler.Outcome(null, null, "ACTIONED", "opt-out", null,
                        isKeyword(row.body()) ? null : "You will get no more texts from us. Reply START to have them again.");
            }
            case START -> {
                outbox.unsuppress(0, row.from());
                yield new InboundHandler.Outcome(null, null, "ACTIONED", "opt-in", null, null);
            }
            case HELP -> new InboundHandler.Outcome(null, null, "ACTIONED", "help", null,
                    "School attendance texts. Reply with the reason your child is absent, or call the school office. Reply STOP to stop texts.");
        });
    }

    private static boolean isKeyword(String body) {
        return body.strip().matches("(?i)[a-z]+[.!]*");
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** The office's review queue (status REVIEW) or every text of the school. */
    public List<InboundView> ofSchool(Actor actor, long schoolId, String status, int page, int size) {
        actor.require(Permission.REGISTER_AMEND, schoolId, "School", schoolId);
        return store.ofSchool(schoolId, status, page * size, size).stream().map(InboundTexts::view).toList();
    }

    /** Texts from numbers no contact has: platform administrators see them and pass them to the school. */
    public List<InboundView> unmatched(Actor actor, int page, int size) {
        if (!actor.isSystem() && !actor.platformAdmin()) {
            throw CommonProblem.notFound("Unmatched texts", "");
        }
        return store.ofSchool(null, "REVIEW", page * size, size).stream().map(InboundTexts::view).toList();
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

    private static InboundView view(InboundStore.InboundRow r) {
        return new InboundView(r.id(), r.from(), r.body(), r.receivedAt(), r.schoolId(), r.contactId(), r.status(), r.reading(), r.reviewReason(), r.reply(),
                r.resolvedBy(), r.resolvedAt(), r.resolution());
    }
}
