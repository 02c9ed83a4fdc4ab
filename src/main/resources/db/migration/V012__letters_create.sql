-- An email may carry a file made at sending time (a letter's PDF); the outbox keeps only the reference.
ALTER TABLE outbox_message ADD COLUMN attachment_ref VARCHAR(64) NULL;

-- Letter templates: a trust's defaults (owner TRUST) and a school's own (owner SCHOOL); built-in wording otherwise.
CREATE TABLE letter_template (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner_type  VARCHAR(6)   NOT NULL,
    owner_id    BIGINT       NOT NULL,
    kind        VARCHAR(60)  NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT uq_letter_template UNIQUE (owner_type, owner_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every letter drafted for a pupil, kept for good: drafts, approvals, sending, and those an exception suppressed.
CREATE TABLE letter (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id         BIGINT        NOT NULL,
    pupil_id          BIGINT        NOT NULL,
    kind              VARCHAR(60)   NOT NULL,
    trigger_key       VARCHAR(200)  NOT NULL,   -- the crossing or event it answers: never drafted twice
    status            VARCHAR(10)   NOT NULL,   -- DRAFT, APPROVED, SENT, PRINTED, SUPPRESSED, DISCARDED
    subject           VARCHAR(200)  NOT NULL,
    body_html         MEDIUMTEXT    NOT NULL,
    facts             TEXT          NOT NULL,   -- JSON: the figures and window the letter states
    as_of             DATE          NOT NULL,
    drafted_by        VARCHAR(200)  NOT NULL,
    drafted_at        TIMESTAMP     NOT NULL,
    edited_by         VARCHAR(200)  NULL,
    edited_at         TIMESTAMP     NULL,
    approved_by       VARCHAR(200)  NULL,
    approved_at       TIMESTAMP     NULL,
    delivered_by      VARCHAR(200)  NULL,
    delivered_at      TIMESTAMP     NULL,
    delivery          VARCHAR(6)    NULL,       -- EMAIL or POST
    suppressed_reason VARCHAR(1000) NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_letter_trigger UNIQUE (school_id, pupil_id, trigger_key),
    KEY ix_letter_school (school_id, status, id),
    KEY ix_letter_pupil (pupil_id, id),
    CONSTRAINT fk_letter_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Where a pupil stands on the school's attendance ladder: which crossing was last written about, for escalation.
CREATE TABLE letter_ladder (
    pupil_id         BIGINT      NOT NULL,
    academic_year    VARCHAR(7)  NOT NULL,
    current_level    VARCHAR(40) NULL,
    last_sent_level  VARCHAR(40) NULL,
    same_level_run   INT         NOT NULL DEFAULT 0,
    crossings        INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (pupil_id, academic_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A reason the office has recorded not to send a pupil's letters (e.g. a known medical condition); kind NULL = all.
CREATE TABLE letter_exception (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT        NOT NULL,
    pupil_id    BIGINT        NOT NULL,
    kind        VARCHAR(60)   NULL,
    reason      VARCHAR(1000) NOT NULL,
    from_date   DATE          NOT NULL,
    to_date     DATE          NULL,
    recorded_by VARCHAR(200)  NOT NULL,
    recorded_at TIMESTAMP     NOT NULL,
    KEY ix_letter_exception_pupil (pupil_id, from_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
