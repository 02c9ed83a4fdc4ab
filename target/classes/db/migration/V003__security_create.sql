-- Staff with roles per school or trust, and API clients with hashed, scoped keys.
CREATE TABLE staff (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    platform_admin BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_staff_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE staff_role (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    staff_id  BIGINT      NOT NULL,
    school_id BIGINT      NULL,
    trust_id  BIGINT      NULL,
    role      VARCHAR(32) NOT NULL,
    KEY ix_staff_role_staff (staff_id),
    CONSTRAINT fk_staff_role_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE api_client (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    key_prefix CHAR(12)     NOT NULL,
    key_hash   CHAR(64)     NOT NULL,
    school_id  BIGINT       NULL,
    trust_id   BIGINT       NULL,
    scopes     VARCHAR(500) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    revoked_at TIMESTAMP    NULL,
    CONSTRAINT uq_api_client_prefix UNIQUE (key_prefix)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
