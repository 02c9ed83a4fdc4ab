-- The latest date each school's attendance ladder was stepped to in an academic year. A run as of an earlier date
-- does not step the ladder again (it would count crossings out of order), and runs lock this row, so a weekly job and
-- an on-demand run for one school take turns.
CREATE TABLE letter_ladder_run (
    school_id      BIGINT      NOT NULL,
    academic_year  VARCHAR(7)  NOT NULL,
    latest_as_of   DATE        NOT NULL,
    PRIMARY KEY (school_id, academic_year),
    CONSTRAINT fk_letter_ladder_run_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
