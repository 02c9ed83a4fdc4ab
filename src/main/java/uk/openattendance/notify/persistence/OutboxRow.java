package uk.openattendance.notify.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

public record OutboxRow(long id, long schoolId, String dedupKey, String purpose, int priority, String channel, Long contactId, String recipient,
        String subject, String body, String pupilIds, LocalDate aboutDate, String fallbacks, Long fallbackFor, OutboxStatus status, int attempts,
        Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, String providerId, String providerStatus, String lastError, Instant createdAt,
        Instant sentAt, String attachmentRef, String sealedBody, Instant secretExpiresAt) {

    public List<Long> pupils() {
        return pupilIds == null || pupilIds.isBlank() ? List.of() : Arrays.stream(pupilIds.split(",")).map(Long::valueOf).toList();
    }

}
