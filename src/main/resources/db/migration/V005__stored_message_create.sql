-- The message sink of the embedded default and of tests: every text or email that would have been sent, kept so
-- staff and tests can read exactly what a parent would have received. Real sends (Twilio, SMTP) come later.
CREATE TABLE stored_message (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT       NOT NULL,
    channel     VARCHAR(8)   NOT NULL,
    recipient   VARCHAR(254) NOT NULL,
    subject     VARCHAR(200) NULL,
    body        TEXT         NOT NULL,
    purpose     VARCHAR(40)  NOT NULL,
    stored_at   TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_stored_message_school FOREIGN KEY (school_id) REFERENCES school (id),
    INDEX ix_stored_message_school (school_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
