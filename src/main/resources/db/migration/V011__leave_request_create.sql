-- Periods a school sets in its calendar when leave is not granted (e.g. KS2 SATs week).
CREATE TABLE assessment_period (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    KEY ix_assessment_period_school (school_id, starts_on),
    CONSTRAINT fk_assessment_period_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A request for leave of absence, the advice the school's rules gave, and the headteacher's decision.
CREATE TABLE leave_request (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id            BIGINT        NOT NULL,
    pupil_id             BIGINT        NOT NULL,
    ground               VARCHAR(40)   NOT NULL,
    first_date           DATE          NOT NULL,
    first_session        VARCHAR(2)    NOT NULL,
    last_date            DATE          NOT NULL,
    last_session         VARCHAR(2)    NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    festival             VARCHAR(100)  NULL,
    channel              VARCHAR(12)   NOT NULL,
    requester_contact_id BIGINT        NULL,
    requested_by         VARCHAR(200)  NOT NULL,
    requested_at         TIMESTAMP     NOT NULL,
    advice               TEXT          NOT NULL,   -- JSON: leaning and the points each rule made
    status               VARCHAR(14)   NOT NULL,   -- REQUESTED, APPROVED, PART_APPROVED, REFUSED, WITHDRAWN
    decided_by           VARCHAR(200)  NULL,
    decided_at           TIMESTAMP     NULL,
    decision_note        VARCHAR(2000) NULL,
    taken_confirmed_by   VARCHAR(200)  NULL,
    taken_confirmed_at   TIMESTAMP     NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    KEY ix_leave_request_school (school_id, status, first_date),
    KEY ix_leave_request_pupil (pupil_id, first_date),
    CONSTRAINT fk_leave_request_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Each school session a request covers; approved is NULL until decided. Approved sessions pre-code the register.
CREATE TABLE leave_session (
    request_id   BIGINT     NOT NULL,
    school_id    BIGINT     NOT NULL,
    pupil_id     BIGINT     NOT NULL,
    session_date DATE       NOT NULL,
    session      VARCHAR(2) NOT NULL,
    approved     BOOLEAN    NULL,
    PRIMARY KEY (request_id, session_date, session),
    KEY ix_leave_session_day (school_id, session_date, session),
    CONSTRAINT fk_leave_session_request FOREIGN KEY (request_id) REFERENCES leave_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE leave_document (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id   BIGINT       NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(60)  NOT NULL,
    size_bytes   INT          NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    uploaded_by  VARCHAR(200) NOT NULL,
    uploaded_at  TIMESTAMP    NOT NULL,
    KEY ix_leave_document_request (request_id),
    CONSTRAINT fk_leave_document_request FOREIGN KEY (request_id) REFERENCES leave_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
