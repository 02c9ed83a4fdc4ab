-- A printed copy of a letter for one contact, queued when the letter is emailed and this parent with parental
-- responsibility has no email; printed (once) in the next print run, which sorts copies for posting by postcode.
CREATE TABLE letter_print_copy (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT       NOT NULL,
    letter_id   BIGINT       NOT NULL,
    contact_id  BIGINT       NOT NULL,
    queued_by   VARCHAR(200) NOT NULL,
    queued_at   TIMESTAMP    NOT NULL,
    printed_by  VARCHAR(200) NULL,
    printed_at  TIMESTAMP    NULL,
    CONSTRAINT uq_letter_print_copy UNIQUE (letter_id, contact_id),
    KEY ix_letter_print_queue (school_id, printed_at, id),
    CONSTRAINT fk_letter_print_copy_letter FOREIGN KEY (letter_id) REFERENCES letter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The weeks an attendance letter's chart showed when it was first emailed or printed, kept so the copy a family
-- received can be rendered again exactly (marks amended later change the register, not the letter that was sent).
CREATE TABLE letter_chart (
    letter_id  BIGINT     NOT NULL PRIMARY KEY,
    school_id  BIGINT     NOT NULL,
    weeks      TEXT       NOT NULL,   -- JSON: [{"weekStart":"2026-11-02","possible":10,"attended":9}, ...]
    CONSTRAINT fk_letter_chart_letter FOREIGN KEY (letter_id) REFERENCES letter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
