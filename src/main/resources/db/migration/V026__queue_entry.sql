-- One durable leased queue for the outbox, the scheduled jobs and the webhook deliveries (issue 12, item 8).
-- An entry is the work still to do about one row of its owning table (ref_id): AVAILABLE from due_at, or CLAIMED by
-- an instance (owner) until lease_until, which that instance's heartbeat renews while it works. claim_token rises
-- with every claim and fences every result: a write WHERE id = ? AND claim_token = ? from a holder that lost its
-- lease changes nothing. in_doubt: a holder stopped after it may have done the work (a text the provider accepted),
-- so the next one checks first. A finished entry is deleted; the owning row keeps the record.
CREATE TABLE queue_entry (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    queue_name  VARCHAR(32)  NOT NULL,   -- outbox, jobs, webhooks
    ref_id      BIGINT       NOT NULL,
    school_id   BIGINT       NOT NULL,
    priority    INT          NOT NULL DEFAULT 5,   -- lower goes first
    due_at      TIMESTAMP(3) NOT NULL,
    state       VARCHAR(10)  NOT NULL,   -- AVAILABLE, CLAIMED
    attempts    INT          NOT NULL DEFAULT 0,
    claim_token BIGINT       NOT NULL DEFAULT 0,
    in_doubt    BOOLEAN      NOT NULL DEFAULT FALSE,
    owner       VARCHAR(64)  NULL,
    lease_until TIMESTAMP(3) NULL,
    claimed_at  TIMESTAMP(3) NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_queue_entry_ref UNIQUE (queue_name, ref_id),
    KEY ix_queue_entry_due (queue_name, state, priority, due_at),
    KEY ix_queue_entry_lease (state, lease_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Work still to do moves across with its ids and attempts. A row an instance was working when this ran (SENDING,
-- RUNNING) becomes available when its old lease runs out, in doubt: that instance may still be finishing it.
INSERT INTO queue_entry (queue_name, ref_id, school_id, priority, due_at, state, attempts, in_doubt, created_at)
SELECT 'outbox', id, school_id, priority,
       CASE WHEN status = 'SENDING' THEN GREATEST(next_attempt_at, COALESCE(lease_until, next_attempt_at)) ELSE next_attempt_at END,
       'AVAILABLE', attempts, status = 'SENDING', UTC_TIMESTAMP(3)
FROM outbox_message WHERE status IN ('PENDING', 'SENDING');
UPDATE outbox_message SET status = 'PENDING', lease_owner = NULL, lease_until = NULL WHERE status = 'SENDING';

INSERT INTO queue_entry (queue_name, ref_id, school_id, priority, due_at, state, attempts, in_doubt, created_at)
SELECT 'jobs', id, school_id, 5,
       CASE WHEN status = 'RUNNING' THEN GREATEST(due_at, COALESCE(lease_until, due_at)) ELSE due_at END,
       'AVAILABLE', attempts, status = 'RUNNING', UTC_TIMESTAMP(3)
FROM scheduled_job WHERE status IN ('DUE', 'RUNNING');
UPDATE scheduled_job SET status = 'DUE', lease_owner = NULL, lease_until = NULL WHERE status = 'RUNNING';

INSERT INTO queue_entry (queue_name, ref_id, school_id, priority, due_at, state, attempts, in_doubt, created_at)
SELECT 'webhooks', id, school_id, 5,
       CASE WHEN status = 'SENDING' THEN GREATEST(next_attempt_at, COALESCE(lease_until, next_attempt_at)) ELSE next_attempt_at END,
       'AVAILABLE', attempts, status = 'SENDING', UTC_TIMESTAMP(3)
FROM webhook_delivery WHERE status IN ('PENDING', 'SENDING');
UPDATE webhook_delivery SET status = 'PENDING', lease_owner = NULL, lease_until = NULL WHERE status = 'SENDING';
