package uk.openattendance.notify.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A message to put in the outbox; {@code dedupKey} makes a second enqueue of the same event a no-op. */
public record NewMessage(long schoolId, String dedupKey, String purpose, int priority, String channel, Long contactId, String recipient, String subject,
        String body, List<Long> pupilIds, LocalDate aboutDate, String fallbacks, Long fallbackFor, Instant notBefore, String attachmentRef) {

    public NewMessage(long schoolId, String dedupKey, String purpose, int priority, String channel, Long contactId, String recipient, String subject,
            String body, List<Long> pupilIds, LocalDate aboutDate, String fallbacks, Long fallbackFor, Instant notBefore) {
        this(schoolId, dedupKey, purpose, priority, channel, contactId, recipient, subject, body, pupilIds, aboutDate, fallbacks, fallbackFor, notBefore,
                null);
    }
}
