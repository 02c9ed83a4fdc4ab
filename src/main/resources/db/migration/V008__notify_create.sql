-- The notification outbox: every text or email is first a row here, written in the transaction of the event that
-- causes it, with a deduplication key so the same event never reaches a parent twice. A dispatcher claims rows with
-- SKIP LOCKED and a lease, sends, retries with backoff and records the provider's id.
CREATE TABLE outbox_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id       BIGINT        NOT NULL,
    dedup_key       VARCHAR(190)  NOT NULL,
    purpose         VARCHAR(40)   NOT NULL,
    priority        INT           NOT NULL DEFAULT 5,   -- lower goes first: vulnerable pupils' families
    channel         VARCHAR(8)    NOT NULL,
    contact_id      BIGINT        NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(200)  NULL,
    body            TEXT          NOT NULL,
    pupil_ids       VARCHAR(500)  NOT NULL DEFAULT '',
    about_date      DATE          NULL,
    fallbacks       VARCHAR(2000) NOT NULL DEFAULT '',  -- the next contacts or channels to try, in order
    fallback_for    BIGINT        NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP     NOT NULL,
    lease_owner     VARCHAR(64)   NULL,
    lease_until     TIMESTAMP     NULL,
    provider_id     VARCHAR(64)   NULL,
    provider_status VARCHAR(20)   NULL,
    last_error      VARCHAR(500)  NULL,
    created_at      TIMESTAMP     NOT NULL,
    sent_at         TIMESTAMP     NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uq_outbox_dedup UNIQUE (dedup_key),
    KEY ix_outbox_due (status, next_attempt_at, priority),
    KEY ix_outbox_provider (provider_id),
    KEY ix_outbox_school_day (school_id, about_date, purpose),
    KEY ix_outbox_recipient (recipient, id),          -- a reply is threaded to the last text we sent that number
    CONSTRAINT fk_outbox_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Addresses that must not be messaged: a STOP reply (school_id 0: the provider blocks the number for every school
-- sharing our sender) or the school's own suppression list.
CREATE TABLE suppression (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id  BIGINT       NOT NULL,
    address    VARCHAR(254) NOT NULL,
    reason     VARCHAR(200) NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT uq_suppression UNIQUE (address, school_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A school's own wording of a message; without a row the service's default wording is used.
CREATE TABLE message_template (
    school_id  BIGINT       NOT NULL,
    purpose    VARCHAR(40)  NOT NULL,
    subject    VARCHAR(200) NULL,
    body       TEXT         NOT NULL,
    updated_by VARCHAR(200) NOT NULL,
    updated_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (school_id, purpose),
    CONSTRAINT fk_message_template_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every inbound text, stored before anything else is done with it; processed once per provider id.
CREATE TABLE inbound_sms (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    provider_id   VARCHAR(64)   NOT NULL,
    from_number   VARCHAR(32)   NOT NULL,
    to_number     VARCHAR(32)   NOT NULL,
    body          TEXT          NOT NULL,
    received_at   TIMESTAMP     NOT NULL,
    school_id     BIGINT        NULL,
    contact_id    BIGINT        NULL,
    status        VARCHAR(12)   NOT NULL,   -- RECEIVED, ACTIONED, REVIEW, RESOLVED
    reading       VARCHAR(1000) NULL,
    review_reason VARCHAR(300)  NULL,
    reply         VARCHAR(700)  NULL,
    resolved_by   VARCHAR(200)  NULL,
    resolved_at   TIMESTAMP     NULL,
    resolution    VARCHAR(1000) NULL,
    CONSTRAINT uq_inbound_sms_provider UNIQUE (provider_id),
    KEY ix_inbound_sms_school (school_id, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- An inbound text is matched to contacts by number alone, in whichever school they are.
CREATE INDEX ix_contact_mobile_any ON contact (mobile_e164);
