package uk.openattendance.notify.app;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import uk.openattendance.notify.domain.OptOutWords;
import uk.openattendance.notify.persistence.InboundStatus;
import uk.openattendance.notify.persistence.InboundStore;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.school.app.SmsSenders;

/**
 * Processing one stored text as one transaction: the row is locked, read, acted on (reports, marks, opt-outs) and marked
 * with its outcome together, so a crash before the commit leaves it RECEIVED with nothing done, and a second delivery of
 * the same text waits for the first and then finds it processed.
 */
@Singleton
class InboundSteps {
    /** What processing left: {@code ran} false when the text had already been processed (or another instance holds it). */
    record Done(boolean ran, String reply) {}

    /** The handler itself failed: everything it wrote is rolled back, and the text goes to a person. */
    static final class Unreadable extends RuntimeException {
        Unreadable(RuntimeException cause) {
            super(cause);
        }
    }

    private final InboundStore store;
    private final SuppressionRepository suppressions;
    private final InboundHandler handler;
    private final SmsSenders senders;
    private final Clock clock;
    private final ApplicationEventPublisher<InboundNeedsReview> needsReview;

    InboundSteps(InboundStore store, SuppressionRepository suppressions, InboundHandler handler, SmsSenders senders, Clock clock,
            ApplicationEventPublisher<InboundNeedsReview> needsReview) {
        this.needsReview = needsReview;
        this.store = store;
        this.suppressions = suppressions;
        this.handler = handler;
        this.senders = senders;
        this.clock = clock;
    }

    @Transactional
    Done process(long id, boolean skipLocked) {
        Optional<InboundStore.InboundRow> locked = store.lockForProcessing(id, skipLocked);
        if (locked.isEmpty()) {
            return new Done(false, null);
        }
        InboundStore.InboundRow row = locked.get();
        if (row.status() != InboundStatus.RECEIVED) {
            return new Done(false, row.reply());
        }
        // the number it was sent to names the school (or trust) it is for, so an unknown sender still reaches someone
        SmsSenders.Addressee to = senders.addressedTo(row.to()).orElse(SmsSenders.Addressee.SERVICE);
        InboundHandler.Outcome outcome;
        try {
            outcome = optOut(row).orElseGet(() -> handler.handle(new InboundHandler.Text(row.id(), row.from(), row.body(), to.schools())));
        } catch (RuntimeException e) {
            throw new Unreadable(e);
        }
        Long school = outcome.schoolId() != null ? outcome.schoolId() : to.schoolId();
        InboundHandler.Review review = outcome.review();
        store.processed(row.id(), school, school == null ? to.trustId() : null, outcome.contactId(), outcome.status(), outcome.reading(),
                review == null ? null : review.why(), outcome.reply(), outcome.actioned(), review != null && review.urgent(),
                review == null ? null : InboundJson.reasons(review.reasons()), review == null ? null : InboundJson.suggestions(review.suggestions()));
        if (review != null) {
            needsReview.publishEvent(new InboundNeedsReview(school, school == null ? to.trustId() : null, row.id(), review.urgent(),
                    review.reasons().stream().map(InboundHandler.Reason::label).toList()));
        }
        return new Done(true, outcome.reply());
    }

    /** A text that could not be processed automatically waits for a person, unless something else processed it meanwhile. */
    @Transactional
    Done review(long id, String reason) {
        InboundStore.InboundRow row = store.lockForProcessing(id, false).orElseThrow();
        if (row.status() != InboundStatus.RECEIVED) {
            return new Done(false, row.reply());
        }
        SmsSenders.Addressee to = senders.addressedTo(row.to()).orElse(SmsSenders.Addressee.SERVICE);
        store.processed(id, to.schoolId(), to.trustId(), null, InboundStatus.REVIEW, null, reason, null, false, false,
                InboundJson.reasons(List.of(new InboundHandler.Reason("unreadable", reason, false))), null);
        needsReview.publishEvent(new InboundNeedsReview(to.schoolId(), to.trustId(), id, false, List.of("unreadable")));
        return new Done(true, null);
    }

    private Optional<InboundHandler.Outcome> optOut(InboundStore.InboundRow row) {
        return OptOutWords.of(row.body()).map(k -> switch (k) {
            case STOP -> {
                // the provider blocks the number for our sender, so the stop holds for every school sharing it
                suppressions.suppress(0, row.from(), "replied '" + shorten(row.body()) + "'", "the contact, by text", clock.instant());
                // Twilio answers its own keywords (STOP, STOPALL, ...) itself; a phrase it does not catch gets our answer
                yield InboundHandler.Outcome.actioned(null, null, "opt-out",
                        OptOutWords.isCarrierKeyword(row.body()) ? null : "You will get no more texts from us. Reply START to have them again.");
            }
            case START -> {
                suppressions.deleteByAddressAndSchoolId(row.from(), 0);
                yield InboundHandler.Outcome.actioned(null, null, "opt-in", null);
            }
            case HELP -> InboundHandler.Outcome.actioned(null, null, "help",
                    "School attendance texts. Reply with the reason your child is absent, or call the school office. Reply STOP to stop texts.");
        });
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
