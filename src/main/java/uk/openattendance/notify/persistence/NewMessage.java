package uk.openattendance.notify.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A message to put in the outbox; {@code dedupKey} makes a second enqueue of the same event a no-op. A secret-bearing
 * message has its redacted wording in {@code body} and the wording as sent only in {@code sealedBody} (SecretBox),
 * which is wiped at {@code secretExpiresAt}.
 */
public record NewMessage(long schoolId, String dedupKey, String purpose, int priority, String channel, Long contactId, String recipient, String subject,
        String body, List<Long> pupilIds, LocalDate aboutDate, String fallbacks, Long fallbackFor, Instant notBefore, String attachmentRef,
        String sealedBody, Instant secretExpiresAt) {

    public NewMessage(long schoolId, String dedupKey, String purpose, int priority, String channel, Long contactId, String recipient, String subject,
            String body, List<Long> pupilIds, LocalDate aboutDate, String fallbacks, Long fallbackFor, Instant notBefore, String attachmentRef) {
        this(schoolId, dedupKey, purpose, priority, channel, contactId, recipient, subject, body, pupilIds, aboutDate, fallbacks, fallbackFor, notBefore,
                attachmentRef, null, null);
    }

    public NewMessage(long schoolId, String dedupKey, String purpose, int priority, String channel, Long contactId, String recipient, String subject,
            String body, List<Long> pupilIds, LocalDate aboutDate, String fallbacks, Long fallbackFor, Instant notBefore) {
        this(schoolId, dedupKey, purpose, priority, channel, contactId, recipient, subject, body, pupilIds, aboutDate, fallbacks, fallbackFor, notBefore,
                null);
    }
}
