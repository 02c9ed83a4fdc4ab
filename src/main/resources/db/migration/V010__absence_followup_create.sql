-- Absence reports from every channel: one row per child; a report covering several children shares a report_group.
CREATE TABLE absence_report (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id          BIGINT        NOT NULL,
    report_group       VARCHAR(36)   NOT NULL,
    pupil_id           BIGINT        NOT NULL,
    first_date         DATE          NOT NULL,
    first_session      VARCHAR(2)    NOT NULL,
    last_date          DATE          NOT NULL,
    last_session       VARCHAR(2)    NOT NULL,
    expected_return    DATE          NULL,
    category           VARCHAR(20)   NOT NULL,
    suggested_code     VARCHAR(3)    NULL,
    reason             VARCHAR(1000) NOT NULL,
    channel            VARCHAR(10)   NOT NULL,
    contact_id         BIGINT        NULL,
    evidence_to_follow BOOLEAN       NOT NULL DEFAULT FALSE,
    status             VARCHAR(10)   NOT NULL,
    recorded_by        VARCHAR(200)  NOT NULL,
    recorded_at        TIMESTAMP     NOT NULL,
    inbound_sms_id     BIGINT        NULL,
    KEY ix_absence_report_school (school_id, first_date, last_date),
    KEY ix_absence_report_pupil (pupil_id, first_date),
    CONSTRAINT fk_absence_report_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The office's follow-up of a child absent without explanation: call list, attempts, known safe, escalation.
CREATE TABLE follow_up_case (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id    BIGINT        NOT NULL,
    pupil_id     BIGINT        NOT NULL,
    case_date    DATE          NOT NULL,
    status       VARCHAR(12)   NOT NULL,   -- CALL, SAFE, ESCALATED, EXPLAINED
    opened_at    TIMESTAMP     NOT NULL,
    closed_at    TIMESTAMP     NULL,
    closed_by    VARCHAR(200)  NULL,
    closing_note VARCHAR(1000) NULL,
    escalated_at TIMESTAMP     NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_follow_up_case UNIQUE (pupil_id, case_date),
    KEY ix_follow_up_case_school (school_id, case_date, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE call_attempt (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT        NOT NULL,
    contact_id   BIGINT        NULL,
    outcome      VARCHAR(20)   NOT NULL,
    note         VARCHAR(1000) NULL,
    recorded_by  VARCHAR(200)  NOT NULL,
    recorded_at  TIMESTAMP     NOT NULL,
    KEY ix_call_attempt_case (case_id, id),
    CONSTRAINT fk_call_attempt_case FOREIGN KEY (case_id) REFERENCES follow_up_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Ten consecutive school days without an explanation: a possible child missing education, for the designated lead.
CREATE TABLE missing_education_flag (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT       NOT NULL,
    pupil_id    BIGINT       NOT NULL,
    since_date  DATE         NOT NULL,
    flagged_on  DATE         NOT NULL,
    school_days INT          NOT NULL,
    CONSTRAINT uq_missing_education_flag UNIQUE (pupil_id, since_date),
    KEY ix_missing_education_school (school_id, flagged_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One-time codes a parent receives on their registered mobile or email to prove who they are.
CREATE TABLE parent_challenge (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    token       CHAR(32)     NOT NULL,
    school_id   BIGINT       NOT NULL,
    contact_id  BIGINT       NULL,
    code_hash   CHAR(64)     NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    used_at     TIMESTAMP    NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT uq_parent_challenge_token UNIQUE (token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
