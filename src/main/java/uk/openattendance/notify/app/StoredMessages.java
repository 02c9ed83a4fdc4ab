package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.time.Clock;
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
 * wants to try the service before connecting Twilio and SMTP; staff read what would have gone out.
 */
@Singleton
@Requires(property = "notify.sink", value = "store", defaultValue = "store")
public class StoredMessages implements MessageSink {
    private final StoredMessageRepository messages;
    private final Clock clock;

    public StoredMessages(StoredMessageRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String send(OutgoingMessage m, long reference) {
        String body = m.attachmentRef() == null ? m.body() : m.body() + "\n\n[attached: " + m.attachmentRef() + ".pdf]";
        StoredMessageRow row = messages.save(new StoredMessageRow(null, m.schoolId(), m.channel().name(), m.to(), m.subject(), body, m.purpose(),
                clock.instant()));
        return "stored-" + row.id();
    }

    public Page<StoredMessageView> stored(Actor actor, long schoolId, PageRequest page) {
        actor.require(Permission.ROLL_READ, schoolId, "School", schoolId);
        var rows = messages.findBySchoolIdOrderByIdDesc(schoolId, Pageable.from(page.page(), page.size(), Sort.unsorted()));
        return Page.of(rows.stream().map(r -> new StoredMessageView(r.id(), Channel.valueOf(r.channel()), r.recipient(), r.subject(), r.body(),
                r.purpose(), r.storedAt())).toList(), page, messages.countBySchoolId(schoolId));
    }
}
