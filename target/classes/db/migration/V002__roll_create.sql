-- The admission register: pupils, their contacts (shared between siblings), admissions and deletions.
CREATE TABLE pupil (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id          BIGINT       NOT NULL,
    upn                CHAR(13)     NOT NULL,
    legal_forename     VARCHAR(100) NOT NULL,
    legal_surname      VARCHAR(100) NOT NULL,
    preferred_forename VARCHAR(100) NULL,
    preferred_surname  VARCHAR(100) NULL,
    date_of_birth      DATE         NOT NULL,
    year_group         VARCHAR(3)   NOT NULL,
    register_group_id  BIGINT       NOT NULL,
    form               VARCHAR(20)  NULL,
    house              VARCHAR(40)  NULL,
    start_date         DATE         NOT NULL,
    leaving_date       DATE         NULL,
    pupil_premium      BOOLEAN      NOT NULL DEFAULT FALSE,
    send_status        VARCHAR(12)  NOT NULL DEFAULT 'NONE',
    free_school_meals  BOOLEAN      NOT NULL DEFAULT FALSE,
    eal                BOOLEAN      NOT NULL DEFAULT FALSE,
    looked_after       BOOLEAN      NOT NULL DEFAULT FALSE,
    child_in_need      BOOLEAN      NOT NULL DEFAULT FALSE,
    has_social_worker  BOOLEAN      NOT NULL DEFAULT FALSE,
    young_carer        BOOLEAN      NOT NULL DEFAULT FALSE,
    vulnerable         BOOLEAN      NOT NULL DEFAULT FALSE,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_pupil_upn UNIQUE (school_id, upn),
    KEY ix_pupil_school_group (school_id, register_group_id),
    KEY ix_pupil_school_name (school_id, legal_surname, legal_forename),
    CONSTRAINT fk_pupil_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_pupil_group FOREIGN KEY (register_group_id) REFERENCES register_group (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE contact (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id         BIGINT       NOT NULL,
    full_name         VARCHAR(200) NOT NULL,
    mobile_e164       VARCHAR(16)  NULL,
    email             VARCHAR(254) NULL,
    preferred_channel VARCHAR(8)   NOT NULL DEFAULT 'SMS',
    language          VARCHAR(16)  NOT NULL DEFAULT 'en',
    version           BIGINT       NOT NULL DEFAULT 0,
    KEY ix_contact_mobile (school_id, mobile_e164),
    KEY ix_contact_email (school_id, email),
    CONSTRAINT fk_contact_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- How a contact stands to one pupil: relationship, parental responsibility, residence, priority, court order.
CREATE TABLE pupil_contact (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id               BIGINT      NOT NULL,
    pupil_id                BIGINT      NOT NULL,
    contact_id              BIGINT      NOT NULL,
    relationship            VARCHAR(40) NOT NULL,
    parental_responsibility BOOLEAN     NOT NULL,
    lives_with_pupil        BOOLEAN     NOT NULL,
    priority                INT         NOT NULL,
    no_contact              BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_pupil_contact UNIQUE (pupil_id, contact_id),
    KEY ix_pupil_contact_contact (contact_id),
    CONSTRAINT fk_pupil_contact_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    CONSTRAINT fk_pupil_contact_contact FOREIGN KEY (contact_id) REFERENCES contact (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Admissions and deletions (2024 regs, reg. 9 grounds) with the date the local-authority return is due.
CREATE TABLE admission_event (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id        BIGINT       NOT NULL,
    pupil_id         BIGINT       NOT NULL,
    kind             VARCHAR(12)  NOT NULL,
    effective_on     DATE         NOT NULL,
    ground           VARCHAR(48)  NULL,
    la_return_due_on DATE         NOT NULL,
    note             VARCHAR(500) NULL,
    recorded_by      VARCHAR(200) NOT NULL,
    recorded_at      TIMESTAMP    NOT NULL,
    KEY ix_admission_event_pupil (pupil_id),
    KEY ix_admission_event_due (school_id, la_return_due_on),
    CONSTRAINT fk_admission_event_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
