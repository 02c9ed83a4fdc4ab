-- Trusts and schools, register groups with their session times, calendars, and versioned policy settings.
CREATE TABLE trust (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    policy_defaults LONGTEXT     NULL,       -- JSON merge patch over each school's preset, read only by PolicyResolver
    policy_version  INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE school (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    trust_id         BIGINT        NULL,
    urn              VARCHAR(8)    NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    zone             VARCHAR(64)   NOT NULL DEFAULT 'Europe/London',
    phone            VARCHAR(32)   NULL,
    email            VARCHAR(254)  NULL,
    address          VARCHAR(500)  NULL,
    allowed_origins  VARCHAR(2000) NOT NULL DEFAULT '',
    preset_key       VARCHAR(64)   NOT NULL,
    policy_overrides LONGTEXT      NULL,       -- JSON merge patch over preset and trust defaults
    policy_version   INT           NOT NULL DEFAULT 0,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_school_urn UNIQUE (urn),
    CONSTRAINT fk_school_trust FOREIGN KEY (trust_id) REFERENCES trust (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only history of every policy change, with who made it.
CREATE TABLE policy_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT       NULL,
    trust_id    BIGINT       NULL,
    version     INT          NOT NULL,
    patch       LONGTEXT     NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMP    NOT NULL,
    KEY ix_policy_change_school (school_id, version),
    KEY ix_policy_change_trust (trust_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE register_group (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id            BIGINT      NOT NULL,
    name                 VARCHAR(80) NOT NULL,
    sort_order           INT         NOT NULL,
    am_opens_at          TIME        NOT NULL,
    am_late_after        TIME        NOT NULL,
    am_closes_at         TIME        NOT NULL,
    am_unauthorised_from TIME        NOT NULL,
    pm_opens_at          TIME        NOT NULL,
    pm_late_after        TIME        NOT NULL,
    pm_closes_at         TIME        NOT NULL,
    pm_unauthorised_from TIME        NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_register_group_name UNIQUE (school_id, name),
    CONSTRAINT fk_register_group_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE term (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id                BIGINT      NOT NULL,
    academic_year            VARCHAR(7)  NOT NULL,
    name                     VARCHAR(40) NOT NULL,
    starts_on                DATE        NOT NULL,
    ends_on                  DATE        NOT NULL,
    half_term_break_starts_on DATE       NULL,
    half_term_break_ends_on   DATE       NULL,
    CONSTRAINT uq_term UNIQUE (school_id, academic_year, name),
    CONSTRAINT fk_term_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE closure (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id         BIGINT       NOT NULL,
    closed_on         DATE         NOT NULL,
    sessions          VARCHAR(8)   NOT NULL,
    register_group_id BIGINT       NULL,
    kind              VARCHAR(24)  NOT NULL,
    description       VARCHAR(200) NULL,
    KEY ix_closure_school_date (school_id, closed_on),
    CONSTRAINT fk_closure_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
