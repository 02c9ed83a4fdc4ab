package uk.openattendance.webhooks.persistence;

/** Where a webhook delivery is: waiting (or waiting again after a failed try), being posted, posted, or given up on. */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    DELIVERED,
    FAILED
}
