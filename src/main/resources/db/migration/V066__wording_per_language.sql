-- Issue 17 item 3: a school's wording per language, and its review of the wording we ship in other languages.
-- The shipped wording itself is data on the classpath (notify/wording/<language>.properties), like the English default
-- it sits beside; what a school changes or approves is kept here, per language.

-- A school's own wording of a message, now one per language (its existing rows are its English).
ALTER TABLE message_template
    ADD COLUMN language VARCHAR(16) NOT NULL DEFAULT 'en' AFTER purpose,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (school_id, purpose, language);

-- A school's approval of one shipped, machine-made wording, pinned to the exact text it read (a sha-256 of subject and
-- body): when a later release changes that wording, the approval no longer matches and it needs reviewing again.
CREATE TABLE message_template_review (
    school_id   BIGINT       NOT NULL,
    purpose     VARCHAR(40)  NOT NULL,
    language    VARCHAR(16)  NOT NULL,
    wording_sha CHAR(64)     NOT NULL,
    reviewed_by VARCHAR(200) NOT NULL,
    reviewed_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (school_id, purpose, language),
    CONSTRAINT fk_message_template_review_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Letter wording per language: a school's or trust's template in Polish sits beside its English one.
ALTER TABLE letter_template
    ADD COLUMN language VARCHAR(16) NOT NULL DEFAULT 'en' AFTER kind,
    DROP INDEX uq_letter_template,
    ADD CONSTRAINT uq_letter_template UNIQUE (owner_type, owner_id, kind, language);

-- A letter as sent in a contact's language: merged from the school's (or trust's) template in that language with the
-- same facts as the approved English letter, kept so the PDF rendered at sending (and any later copy) says what was sent.
CREATE TABLE letter_translation (
    letter_id  BIGINT       NOT NULL,
    language   VARCHAR(16)  NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    body_html  MEDIUMTEXT   NOT NULL,
    made_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (letter_id, language),
    CONSTRAINT fk_letter_translation_letter FOREIGN KEY (letter_id) REFERENCES letter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
