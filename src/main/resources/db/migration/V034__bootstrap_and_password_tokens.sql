-- The production bootstrap (BOOTSTRAP_* settings) is consumed once: this row records it, and its fixed id means two
-- replicas starting at once with the same settings cannot both create a first trust and administrator.
CREATE TABLE platform_bootstrap (
    id          TINYINT      NOT NULL PRIMARY KEY,
    trust_id    BIGINT       NOT NULL,
    staff_id    BIGINT       NOT NULL,
    admin_email VARCHAR(254) NOT NULL,
    consumed_at TIMESTAMP    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One-time links that set a staff password: the bootstrap's first one and password resets. Only a SHA-256 of the
-- token is kept; a token is used once (used_at) and expires; a newer one for the same account replaces the older.
CREATE TABLE password_token (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    staff_id   BIGINT      NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    used_at    TIMESTAMP   NULL,
    CONSTRAINT uq_password_token_hash UNIQUE (token_hash),
    KEY ix_password_token_staff (staff_id, created_at),
    CONSTRAINT fk_password_token_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
