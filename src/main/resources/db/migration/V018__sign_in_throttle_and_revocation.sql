-- Sign-in throttling shared by every replica, an audit of refused sign-ins, and removing staff / revoking keys.

-- One row per throttled key: an account (hash of the email) or a client address (hash of it), per kind of sign-in.
-- Replicas update a row with INSERT ... ON DUPLICATE KEY UPDATE, so they count the same failures.
CREATE TABLE sign_in_throttle (
    key_kind     VARCHAR(24) NOT NULL,
    key_hash     CHAR(64)    NOT NULL,
    failures     INT         NOT NULL,
    locked_until TIMESTAMP   NULL,
    updated_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (key_kind, key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Refused sign-ins: which account was tried (its id when it exists, never the email in clear), from where, when, why.
CREATE TABLE sign_in_audit (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    sign_in        VARCHAR(16) NOT NULL,
    staff_id       BIGINT      NULL,
    account_hash   CHAR(64)    NULL,
    client_address VARCHAR(64) NOT NULL,
    outcome        VARCHAR(24) NOT NULL,
    attempted_at   TIMESTAMP   NOT NULL,
    KEY ix_sign_in_audit_staff (staff_id, attempted_at),
    KEY ix_sign_in_audit_address (client_address, attempted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Removed staff keep their row (and name) so the history they wrote still says who did what.
ALTER TABLE staff
    ADD COLUMN removed_at TIMESTAMP   NULL,
    ADD COLUMN removed_by VARCHAR(64) NULL;

ALTER TABLE api_client
    ADD COLUMN revoked_by VARCHAR(64) NULL;
