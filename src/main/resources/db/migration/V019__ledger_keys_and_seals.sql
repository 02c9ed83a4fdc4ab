-- The mark history is keyed: each entry names the configured HMAC key its link was made with (the key itself is
-- never in the database). Entries from before have no key id and keep their unkeyed SHA-256 links, which still verify
-- (up to attendance.ledger.legacy-until); the first keyed entry of a chain links to the last unkeyed one.
ALTER TABLE mark_history ADD COLUMN key_id VARCHAR(40) NULL AFTER prev_hash;

-- Each school's daily seal: its chains' lengths and last links as of a moment, signed with the service's Ed25519
-- key. `document` is the signed JSON exactly as downloaded or emailed; a copy kept outside the database is what
-- makes it evidence.
CREATE TABLE ledger_seal (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id     BIGINT       NOT NULL,
    seal_date     DATE         NOT NULL,
    as_of         TIMESTAMP    NOT NULL,
    chain_count   INT          NOT NULL,
    total_entries BIGINT       NOT NULL,
    signing_key   VARCHAR(40)  NOT NULL,
    document      MEDIUMTEXT   NOT NULL,
    emailed_to    VARCHAR(320) NULL,
    CONSTRAINT uq_ledger_seal UNIQUE (school_id, seal_date),
    CONSTRAINT fk_ledger_seal_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
