-- A creating POST retried with the same Idempotency-Key answers the first response instead of creating twice.
CREATE TABLE idempotency_record (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    caller        VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    operation     VARCHAR(100) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    response_status INT        NOT NULL,
    response_body LONGTEXT     NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT uq_idempotency UNIQUE (caller, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
