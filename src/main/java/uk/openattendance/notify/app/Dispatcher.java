package uk.openattendance.notify.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.notify.persistence.OutboxRow;
import uk.openattendance.notify.persistence.OutboxStatus;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.notify.persistence.SuppressionRepository;
import uk.openattendance.platform.queue.Claim;
import uk.openattendance.platform.queue.LeasedQueue;
import uk.openattendance.platform.queue.domain.Backoff;
import uk.openattendance.platform.secrets.SecretBox;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.MessagingRules;

/**
 * Sends what the outbox holds, through the platform's leased queue: each message is claimed on its own by one of the
 * instance's workers, sent outside any transaction, and its result recorded only under the claim's token (a result
 * from a worker that lost its claim is refused). The queue's heartbeat keeps the claim while the provider is slow. A
 * message whose instance died while sending it is "in doubt": the provider is asked whether it already accepted it
 * before it is sent again.
 */
@Singleton
public class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String QUEUE = OutboxStore.QUEUE;
    /** When to try a failed send again: 30 s, 1, 2, 4 minutes; after five attempts the next contact or channel is tried. */
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(16), 5);

    private final OutboxStore store;
    private final SuppressionRepository suppressions;
    private final DispatchSteps steps;
    private final MessageSink sink;
    private final List<SendGuard> guards;
    private final SchoolMessagingDay schoolDay;
    private final Clock clock;
    private final SecretBox secrets;
    private final LeasedQueue queue;
    private final InDoubtSends inDoubt;
    private final NotifyMeters meters;

    Dispatcher(OutboxStore store, SuppressionRepository suppressions, DispatchSteps steps, MessageSink sink, List<SendGuard> guards, SchoolMessagingDay schoolDay, Clock clock, SecretBox secrets,
            LeasedQueue queue, InDoubtSends inDoubt, NotifyMeters meters) {
        this.inDoubt = inDoubt;
        this.meters = meters;
        this.secrets = secrets;
        this.store = store;
        this.suppressions = suppressions;
        this.steps = steps;
        this.sink = sink;
        this.guards = guards;
        this.schoolDay = schoolDay;
        this.clock = clock;
        this.queue = queue;
    }

    public record Pass(int sent, int retried, int failed, int cancelled, int deferred) {}

    /** Sends everything due now on this instance, waiting for it, and says what happened. */
    public Pass dispatchDue() {
        return dispatchDue(null);
    }

    /** As {@link #dispatchDue()}, for some schools only (tests, and a school's "send now"). */
    public Pass dispatchDue(java.util.Collection<Long> onlySchools) {
        wipeExpiredSecrets();
        Map<String, Integer> n = queue.drain(QUEUE, onlySchools);
        return new Pass(n.getOrDefault(SENT, 0), n.getOrDefault(RETRIED, 0), n.getOrDefault(FAILED, 0), n.getOrDefault(CANCELLED, 0),
                n.getOrDefault(DEFERRED, 0));
    }

    void wipeExpiredSecrets() {
        store.wipeExpiredSecrets(clock.instant());
    }

    // the outcomes of one message's pass, counted per pass: three are named by the status they settle the message in
    // (FAILED also counts one SUPPRESSED: neither reached its recipient); a message retried or
    // deferred is still PENDING, so those two have words of their own
    static final String SENT = OutboxStatus.SENT.name();
    static final String RETRIED = "RETRIED";
    static final String FAILED = OutboxStatus.FAILED.name();
    static final String CANCELLED = OutboxStatus.CANCELLED.name();
    static final String DEFERRED = "DEFERRED";

    /** Works one claimed message: checks, sends and records it; returns which of the outcomes above it had. */
    String work(Claim claim) {
        List<OutboxRow> rows = store.byIds(List.of(claim.refId()));
        if (rows.isEmpty() || rows.get(0).status() != OutboxStatus.PENDING) {
            claim.done(null); // nothing left to send (the row was settled by other means)
            return LeasedQueue.GONE;
        }
        OutboxRow row = rows.get(0);
        SendGuard.Verdict verdict = null;
        for (SendGuard guard : guards) {
            if (guard.purposes().contains(row.purpose())) {
                verdict = guard.checkAll(List.of(new SendGuard.Pending(row.id(), row.schoolId(), row.purpose(), row.pupils(), row.aboutDate(), row.body(),
                        row.contactId() == null ? 0 : row.contactId())))
                        .get(row.id());
            }
        }
        return process(claim, row, verdict, suppressions.suppressed(row.schoolId(), row.recipient()));
    }

    private String process(Claim claim, OutboxRow row, SendGuard.Verdict verdict, boolean suppressed) {
        Instant now = clock.instant();
        MessagePurpose purpose = MessagePurpose.valueOf(row.purpose());
        OutgoingMessage message = new OutgoingMessage(row.schoolId(), Channel.valueOf(row.channel()), row.recipient(), row.subject(), row.body(), row.purpose(),
                row.attachmentRef());
        if (purpose.secret()) {
            // the clear wording exists only here, in memory, from now until the sink has it (see Outbox.enqueueSecret)
            String clear = openSecret(row, now);
            if (clear == null) {
                close(claim, row, OutboxStatus.CANCELLED, null, "the code expired before it could be sent (or SECRETS_KEY changed); the parent can ask for a new one", now);
                return CANCELLED;
            }
            message = new OutgoingMessage(row.schoolId(), message.channel(), row.recipient(), row.subject(), clear, row.purpose(), row.attachmentRef(),
                    row.body());
        }
        // in doubt (an unknown outcome, or an instance that died mid-send): ask the provider before anything else
        Optional<String> resolved = inDoubt.resolve(claim, row, message, now);
        if (resolved.isPresent()) {
            return resolved.get();
        }
        if (verdict != null) {
            if (!verdict.send()) {
                close(claim, row, OutboxStatus.CANCELLED, null, verdict.why(), now);
                return CANCELLED;
            }
            if (verdict.newBody() != null && !verdict.newBody().equals(row.body())) {
                store.rewriteBody(row.id(), verdict.newBody());
                message = new OutgoingMessage(row.schoolId(), message.channel(), row.recipient(), row.subject(), verdict.newBody(), row.purpose(),
                        row.attachmentRef());
            }
        }
        MessagingRules rules = schoolDay.messaging(row.schoolId());
        if (purpose.toFamilies()) {
            if (suppressed) {
                steps.failAndFallBack(claim, row, OutboxStatus.SUPPRESSED, "the recipient has opted out", rules.emailWhenOptedOut(), now);
                return FAILED;
            }
            LocalDateTime local = LocalDateTime.ofInstant(now, schoolDay.zone(row.schoolId()));
            // a one-time code answers the parent's own request of a moment ago and lives 10 minutes: it never waits for morning
            if (message.channel() == Channel.SMS && rules.quietAt(local.toLocalTime()) && !purpose.secret()) {
                LocalDateTime until = local.toLocalDate().atTime(rules.quietUntil());
                if (!until.isAfter(local)) {
                    until = until.plusDays(1);
                }
                Instant next = until.atZone(schoolDay.zone(row.schoolId())).toInstant();
                claim.defer(next, () -> store.record(row.id(), OutboxStatus.PENDING, null, "quiet hours: waits until " + rules.quietUntil(), next, claim.attempts() - 1,
                        now));
                return DEFERRED;
            }
        }
        return send(claim, row, message, rules);
    }

    /** Hands the message to the provider and records what it answered. */
    private String send(Claim claim, OutboxRow row, OutgoingMessage message, MessagingRules rules) {
        try {
            String providerId = sink.send(message, row.id());
            meters.sent(message.channel(), row.purpose(), 1);
            if (!claim.done(() -> {
                store.record(row.id(), OutboxStatus.SENT, providerId, null, null, claim.attempts(), clock.instant());
                steps.announceSent(row);
            })) {
                LOG.warn("outbox {} sent as {} after this instance lost its claim", row.id(), providerId);
            }
            return SENT;
        } catch (SendFailure f) {
            meters.failed(message.channel(), f.kind());
            Instant at = clock.instant();
            if (f.optedOut()) {
                suppressions.suppress(0, row.recipient(), "opted out at the provider (STOP)", "provider", at);
                steps.failAndFallBack(claim, row, OutboxStatus.SUPPRESSED, f.getMessage(), rules.emailWhenOptedOut(), at);
                return FAILED;
            }
            if (f.outcomeUnknown()) {
                return inDoubt.unknown(claim, row, f, at);
            }
            Optional<Instant> next = !f.isTransient() ? Optional.empty()
                    : f.retryAfter() != null && claim.attempts() < BACKOFF.maxAttempts() ? Optional.of(at.plus(f.retryAfter())) : BACKOFF.nextTry(claim.attempts(), at);
            if (next.isPresent()) {
                claim.retry(next.get(), () -> store.record(row.id(), OutboxStatus.PENDING, null, f.getMessage(), next.get(), claim.attempts(), at));
                return RETRIED;
            }
            steps.failAndFallBack(claim, row, OutboxStatus.FAILED, f.getMessage(), true, at);
            return FAILED;
        }
    }

    /** Records a message's final outcome and takes it off the queue, under the claim's token. */
    private boolean close(Claim claim, OutboxRow row, OutboxStatus status, String providerId, String error, Instant now) {
        return claim.done(() -> store.record(row.id(), status, providerId, error, null, claim.attempts(), now));
    }

    private String openSecret(OutboxRow row, Instant now) {
        if (row.sealedBody() == null || row.secretExpiresAt() == null || !row.secretExpiresAt().isAfter(now)) {
            return null;
        }
        try {
            return secrets.open(row.sealedBody(), SecretMessages.sealContext(row.schoolId(), row.purpose()));
        } catch (SecretBox.Unavailable e) {
            LOG.warn("outbox {}: its sealed wording does not open ({})", row.id(), e.getMessage());
            return null;
        }
    }

    /** A delivery receipt from the provider; a text that failed or was undelivered moves on to the next contact or channel. */
    public void receipt(String providerId, String providerStatus, String errorCode) {
        OutboxStatus status = switch (providerStatus) {
            case "delivered" -> OutboxStatus.DELIVERED;
            case "failed", "undelivered" -> OutboxStatus.FAILED;
            default -> null;
        };
        meters.receipt(providerStatus);
        Instant now = clock.instant();
        List<OutboxRow> rows = store.receipt(providerId, providerStatus, status, errorCode == null ? null : "provider error " + errorCode, now);
        if (status == OutboxStatus.FAILED) {
            rows.forEach(r -> steps.fallBackAfterReceipt(r, now));
        }
    }
}
