-- Penalty notices the local authority issued on the school's request, per parent and per child (national framework:
-- at most two per parent per child in three years), and the local-authority returns the school has made.
CREATE TABLE penalty_notice (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id              BIGINT        NOT NULL,
    pupil_id               BIGINT        NOT NULL,
    contact_id             BIGINT        NOT NULL,
    parent_name            VARCHAR(200)  NOT NULL,
    issued_on              DATE          NOT NULL,
    notice_number          INT           NOT NULL,   -- 1 or 2 within three years for this parent and child
    amount_pence           INT           NOT NULL,
    reduced_amount_pence   INT           NULL,
    reference              VARCHAR(100)  NULL,
    unauthorised_sessions  INT           NULL,
    window_from            DATE          NULL,
    window_to              DATE          NULL,
    note                   VARCHAR(1000) NULL,
    recorded_by            VARCHAR(200)  NOT NULL,
    recorded_at            TIMESTAMP(3)  NOT NULL,
    KEY ix_penalty_notice_school_pupil (school_id, pupil_id),
    KEY ix_penalty_notice_parent_child (contact_id, pupil_id, issued_on),
    CONSTRAINT fk_penalty_notice_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE la_return_made (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id    BIGINT        NOT NULL,
    pupil_id     BIGINT        NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    trigger_key  VARCHAR(64)   NOT NULL,
    made_on      DATE          NOT NULL,
    reference    VARCHAR(100)  NULL,
    recorded_by  VARCHAR(200)  NOT NULL,
    recorded_at  TIMESTAMP(3)  NOT NULL,
    UNIQUE KEY uq_la_return_made (school_id, pupil_id, kind, trigger_key),
    CONSTRAINT fk_la_return_made_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
