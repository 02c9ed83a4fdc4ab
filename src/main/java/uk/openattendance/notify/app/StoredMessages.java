package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.notify.persistence.StoredMessageRepository;
import uk.openattendance.notify.persistence.StoredMessageRow;
import uk.openattendance.platform.paging.Page;
import uk.openattendance.platform.paging.PageRequest;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;

/**
 * The "store" sink: nothing leaves the machine. Used by the embedded default and tests, and by any deployment that
 * wants to try the service before connecting Twilio and SMTP; staff read what would have gone out. A secret-bearing
 * message (a one-time code) is stored redacted, like everywhere else; its clear wording is handed over only in memory,
 * as a {@link SecretHandedOver} event, which nothing in production listens to (the embedded demo prints it on its
 * console, and tests read it there, as a parent would read their phone).
 */
@Singleton
@Requires(property = "notify.sink", value = "store", defaultValue = "store")
public class StoredMessages implements MessageSink {
    private final StoredMessageRepository messages;
    private final Clock clock;
    private final ApplicationEventPublisher<SecretHandedOver> handOver;

    public StoredMessages(StoredMessageRepository messages, Clock clock, ApplicationEventPublisher<SecretHandedOver> handOver) {
        this.messages = messages;
        this.clock = clock;
        this.handOver = handOver;
    }

    /** The clear wording of a secret-bearing message as this sink would have delivered it: in memory only, never stored. */
    public record SecretHandedOver(long schoolId, Channel channel, String to, String purpose, String body) {
        @Override
        public String toString() {
            return "SecretHandedOver[" + purpose + " to " + to + "]";
        }
    }

    @Override
    public String send(OutgoingMessage m, long reference) {
        String shown = m.shownBody();
        String body = m.attachmentRef() == null ? shown : shown + "\n\n[attached: " + m.attachmentRef() + ".pdf]";
        StoredMessageRow row = messages.save(new StoredMessageRow(null, m.schoolId(), m.channel().name(), m.to(), m.subject(), body, m.purpose(),
                clock.instant()));
        if (m.redactedBody() != null) {
            handOver.publishEvent(new SecretHandedOver(m.schoolId(), m.channel(), m.to(), m.purpose(), m.body()));
        }
        return "stored-" + row.id();
    }

    /** What would have been sent, newest first; secret-bearing messages only to the school's administrators, redacted. */
    public Page<StoredMessageView> stored(Actor actor, long schoolId, PageRequest page) {
        actor.require(Permission.ROLL_READ, schoolId, "School", schoolId);
        Pageable pageable = Pageable.from(page.page(), page.size(), Sort.unsorted());
        List<String> hidden = SecretMessages.hiddenFrom(actor, schoolId);
        List<StoredMessageRow> rows = hidden.isEmpty() ? messages.findBySchoolIdOrderByIdDesc(schoolId, pageable)
                : messages.findBySchoolIdAndPurposeNotInOrderByIdDesc(schoolId, hidden, pageable);
        long total = hidden.isEmpty() ? messages.countBySchoolId(schoolId) : messages.countBySchoolIdAndPurposeNotIn(schoolId, hidden);
        return Page.of(rows.stream().map(r -> new StoredMessageView(r.id(), Channel.valueOf(r.channel()), r.recipient(), r.subject(), r.body(),
                r.purpose(), r.storedAt())).toList(), page, total);
    }
}
