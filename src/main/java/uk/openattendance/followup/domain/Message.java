package uk.openattendance.followup.domain;

import java.util.List;
import java.util.Map;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.domain.Recipients;

/**
 * A message a rule decided should go: what for, to whom (with the fallbacks the dispatcher tries), the template's
 * fields and the children it is about. {@code key} is the outbox's deduplication key within the purpose and day, so
 * deciding the same message twice queues it once.
 */
public record Message(MessagePurpose purpose, String key, boolean urgent, Recipients.Plan to, Map<String, String> fields, List<Long> pupilIds) {
    public Message {
        fields = Map.copyOf(fields);
        pupilIds = List.copyOf(pupilIds);
    }
}
