package uk.openattendance.webhooks.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A subscription as stored: {@code secret} is sealed (SecretBox), never in clear; WebhookStore seals and opens it. */
@MappedEntity("webhook_subscription")
public record WebhookSubscriptionRow(
        @Id @GeneratedValue @Nullable Long id,
        long schoolId,
        String url,
        String events,
        String secret,
        @Nullable String description,
        boolean active,
        String createdBy,
        Instant createdAt) {}
