package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.notify.domain.Backoff;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.notify.persistence.OutboxRow;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.secrets.SecretBox;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.MessagingRules;

/**
 * Sends what the outbox holds. Any number of instances run this at once: each claims a batch with SKIP LOCKED and a
 * lease, sends outside any transaction, and records the outcome only while it still holds the lease. A message an
 * instance was sending when it died is "in doubt": the provider is asked whether it already accepted it before it is
 * sent again.
 */
@Singleton
public class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final Duration LEASE = Duration.ofSeconds(60);
    /** No send starts this close to the end of the lease: longer than the provider client's timeout (10 s). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(20);

    private final OutboxStore store;
    private final DispatchSteps steps;
    private final MessageSink sink;
    private final List<SendGuard> guards;
    private final SchoolDay schoolDay;
    private final Clock clock;
    private final int batchSize;
    private final SecretBox secrets;
    private final InDoubtSends inDoubt;
    private final String owner = "dispatch-" + UUID.randomUUID().toString().substring(0, 8);

    public Dispatcher(OutboxStore store, DispatchSteps steps, MessageSink sink, List<SendGuard> guards, SchoolDay schoolDay, Clock clock,
            @Value("${notify.dispatcher.batch-size:50}") int batchSize, SecretBox secrets, InDoubtSends inDoubt) {
        this.secrets = secrets;
        this.inDoubt = inDoubt;
        this.store = store;
        this.steps = steps;
        this.sink = sink;
        this.guards = guards;
        this.schoolDay = schoolDay;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public record Pass(int sent, int retried, int failed, int cancelled, int deferred) {
        Pass plus(Pass o) {
            return new Pass(sent + o.sent, retried + o.retried, failed + o.failed, cancelled + o.cancelled, deferred + o.deferred);
        }
    }

    /** Sends everything due now, batch after batch, and says what happened. */
    public Pass dispatchDue() {
        return dispatchDue(null);
    }

    /** As {@link #dispatchDue()}, for some schools only (tests, and a school's "send now"). */
    public Pass dispatchDue(java.util.Collection<Long> onlySchools) {
        Pass total = new Pass(0, 0, 0, 0, 0);
        store.wipeExpiredSecrets(clock.instant());
        for (int round = 0; round < 10_000; round++) {
            Instant now = clock.instant();
            List<OutboxRow> batch = claim(now, onlySchools);
            if (batch.isEmpty()) {
                break;
            }
            Map<Long, MessagingRules> rules = new HashMap<>();
            Map<Long, SendGuard.Verdict> verdicts = new HashMap<>();
            for (SendGuard guard : guards) {
                List<SendGuard.Pending> mine = batch.stream().filter(r -> guard.purposes().contains(r.purpose()))
                        .map(r -> new SendGuard.Pending(r.id(), r.schoolId(), r.purpose(), r.pupils(), r.aboutDate(), r.body())).toList();
                if (!mine.isEmpty()) {
                    verdicts.putAll(guard.checkAll(mine));
                }
            }
            java.util.Set<String> suppressed = store.suppressedAmong(batch.stream().map(OutboxRow::recipient).distinct().toList());
            for (OutboxRow row : batch) {
                if (clock.instant().isAfter(now.plus(LEASE).minus(LEASE_MARGIN))) {
                    // a slow provider: the rest of the batch goes back to the queue before the lease could run out mid-send
                    if ("SENDING".equals(row.status())) {
                        store.leaveInDoubt(row.id(), owner, row.lastError(), clock.instant(), clock.instant()); // still to be asked about
                    } else {
                        store.finish(row.id(), owner, "PENDING", null, row.lastError(), now, true, clock.instant());
                    }
                    continue;
                }
                total = total.plus(process(row, rules, verdicts.get(row.id()), suppressed.contains("0|" + row.recipient())
                        || suppressed.contains(row.schoolId() + "|" + row.recipient())));
            }
        }
        return total;
    }

    /** A claim that InnoDB chose as a deadlock victim is simply tried again: it changed nothing. */
    private List<OutboxRow> claim(Instant now, java.util.Collection<Long> onlySchools) {
        for (int attempt = 1; ; attempt++) {
            try {
                return steps.claim(owner, now, now.plus(LEASE), batchSize, onlySchools);
            } catch (RuntimeException e) {
                if (attempt >= 5 || !uk.openattendance.platform.db.Deadlocks.isDeadlock(e)) {
                    throw e;
                }
                LOG.debug("claim chosen as a deadlock victim; trying again (attempt {})", attempt);
            }
        }
    }

    private Pass process(OutboxRow row, Map<Long, MessagingRules> rulesBySchool, SendGuard.Verdict verdict, boolean suppressed) {
        Instant now = clock.instant();
        MessagePurpose purpose = MessagePurpose.valueOf(row.purpose());
        OutgoingMessage message = new OutgoingMessage(row.schoolId(), Channel.valueOf(row.channel()), row.recipient(), row.subject(), row.body(), row.purpose(),
                row.attachmentRef());
        if (purpose.secret()) {
            // the clear wording exists only here, in memory, from now until the sink has it (see Outbox.enqueueSecret)
            String clear = openSecret(row, now);
            if (clear == null) {
                store.finish(row.id(), owner, "CANCELLED", null, "the code expired before it could be sent (or SECRETS_KEY changed); the parent can ask "
                        + "for a new one", null, false, now);
                return new Pass(0, 0, 0, 1, 0);
            }
            message = new OutgoingMessage(row.schoolId(), message.channel(), row.recipient(), row.subject(), clear, row.purpose(), row.attachmentRef(),
                    row.body());
        }
        // in doubt (an unknown outcome, or an instance that died mid-send): ask the provider before anything else
        Optional<Pass> resolved = inDoubt.resolve(row, message, owner, now);
        if (resolved.isPresent()) {
            return resolved.get();
        }
        if (verdict != null) {
            if (!verdict.send()) {
                store.finish(row.id(), owner, "CANCELLED", null, verdict.why(), null, false, now);
                return new Pass(0, 0, 0, 1, 0);
            }
            if (verdict.newBody() != null && !verdict.newBody().equals(row.body())) {
                store.rewriteBody(row.id(), verdict.newBody());
                message = new OutgoingMessage(row.schoolId(), message.channel(), row.recipient(), row.subject(), verdict.newBody(), row.purpose(),
                        row.attachmentRef());
            }
        }
        MessagingRules rules = rulesBySchool.computeIfAbsent(row.schoolId(), id -> schoolDay.policy(id).messaging());
        if (purpose.toFamilies()) {
            if (suppressed) {
                steps.failAndFallBack(row.withLease(owner), owner, "SUPPRESSED", "the recipient has opted out", rules.emailWhenOptedOut(), now);
                return new Pass(0, 0, 1, 0, 0);
            }
            LocalDateTime local = LocalDateTime.ofInstant(now, schoolDay.of(row.schoolId()).zone());
            // a one-time code answers the parent's own request of a moment ago and lives 10 minutes: it never waits for morning
            if (message.channel() == Channel.SMS && rules.quietAt(local.toLocalTime()) && !purpose.secret()) {
                LocalDateTime until = local.toLocalDate().atTime(rules.quietUntil());
                if (!until.isAfter(local)) {
                    until = until.plusDays(1);
                }
                Instant next = until.atZone(schoolDay.of(row.schoolId()).zone()).toInstant();
                store.finish(row.id(), owner, "PENDING", null, "quiet hours: waits until " + rules.quietUntil(), next, true, now);
                return new Pass(0, 0, 0, 0, 1);
            }
        }
        try {
            String providerId = sink.send(message, row.id());
            if (!store.finish(row.id(), owner, "SENT", providerId, null, null, false, clock.instant())) {
                LOG.warn("outbox {} sent as {} after this instance's lease ran out", row.id(), providerId);
            }
            return new Pass(1, 0, 0, 0, 0);
        } catch (SendFailure f) {
            Instant at = clock.instant();
            int attempt = row.attempts() + 1;
            if (f.optedOut()) {
                store.suppress(0, row.recipient(), "opted out at the provider (STOP)", "provider", at);
                steps.failAndFallBack(row.withLease(owner), owner, "SUPPRESSED", f.getMessage(), rules.emailWhenOptedOut(), at);
                return new Pass(0, 0, 1, 0, 0);
            }
            if (f.outcomeUnknown()) {
                return inDoubt.unknown(row, owner, f, at);
            }
            if (f.isTransient() && attempt < Backoff.MAX_ATTEMPTS) {
                Instant next = f.retryAfter() != null ? at.plus(f.retryAfter()) : at.plus(Backoff.after(attempt)).truncatedTo(ChronoUnit.SECONDS);
                store.finish(row.id(), owner, "PENDING", null, f.getMessage(), next, false, at);
                return new Pass(0, 1, 0, 0, 0);
            }
            steps.failAndFallBack(row.withLease(owner), owner, "FAILED", f.getMessage(), true, at);
            return new Pass(0, 0, 1, 0, 0);
        }
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
        String status = switch (providerStatus) {
            case "delivered" -> "DELIVERED";
            case "failed", "undelivered" -> "FAILED";
            default -> null;
        };
        Instant now = clock.instant();
        List<OutboxRow> rows = store.receipt(providerId, providerStatus, status, errorCode == null ? null : "provider error " + errorCode, now);
        if ("FAILED".equals(status)) {
            rows.forEach(r -> steps.fallBackAfterReceipt(r, now));
        }
    }
}
