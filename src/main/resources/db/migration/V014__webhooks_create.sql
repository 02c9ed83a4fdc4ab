-- Integrators' webhook subscriptions per school, and each delivery: written in the same transaction as the event
-- (a leave decision, a letter sent), then posted, signed, with retries, by whichever instance claims it.
CREATE TABLE webhook_subscription (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT        NOT NULL,
    url         VARCHAR(500)  NOT NULL,
    events      VARCHAR(200)  NOT NULL,   -- comma-separated: leave.decided,letter.sent
    secret      VARCHAR(100)  NOT NULL,
    description VARCHAR(200)  NULL,
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    KEY ix_webhook_subscription_school (school_id, active),
    CONSTRAINT fk_webhook_subscription_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE webhook_delivery (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    subscription_id  BIGINT        NOT NULL,
    school_id        BIGINT        NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    event_id         CHAR(36)      NOT NULL,
    payload          TEXT          NOT NULL,
    status           VARCHAR(10)   NOT NULL,   -- PENDING, SENDING, DELIVERED, FAILED
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP(3)  NOT NULL,
    lease_owner      VARCHAR(64)   NULL,
    lease_until      TIMESTAMP(3)  NULL,
    last_status_code INT           NULL,
    last_error       VARCHAR(500)  NULL,
    delivered_at     TIMESTAMP(3)  NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    UNIQUE KEY uq_webhook_delivery_event (subscription_id, event_id),
    KEY ix_webhook_delivery_due (status, next_attempt_at),
    CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
