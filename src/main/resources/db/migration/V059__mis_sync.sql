-- Sitting beside a school's MIS without double entry: the MIS's own ids for pupils and contacts, and a change
-- stamp on each row an MIS pulls, kept by the database itself so every write path (forms, texts, imports, the
-- office) stamps it. The stamp orders a change feed; it is not a business time (those come from the service's Clock).
CREATE TABLE external_ref (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT       NOT NULL,
    kind        VARCHAR(10)  NOT NULL,   -- PUPIL or CONTACT
    local_id    BIGINT       NOT NULL,
    external_id VARCHAR(100) NOT NULL,
    CONSTRAINT uq_external_ref_external UNIQUE (school_id, kind, external_id),
    CONSTRAINT uq_external_ref_local UNIQUE (school_id, kind, local_id),
    CONSTRAINT fk_external_ref_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE pupil ADD COLUMN changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    ADD KEY ix_pupil_changes (school_id, changed_at, id);
ALTER TABLE contact ADD COLUMN changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    ADD KEY ix_contact_changes (school_id, changed_at, id);
ALTER TABLE pupil_contact ADD COLUMN changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    ADD KEY ix_pupil_contact_changes (school_id, changed_at, id);
ALTER TABLE absence_report ADD COLUMN changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    ADD KEY ix_absence_report_changes (school_id, changed_at, id);
-- the history is append-only: the moment a row was written is its change stamp
ALTER TABLE mark_history ADD COLUMN logged_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    ADD KEY ix_mark_history_changes (school_id, logged_at, id);
