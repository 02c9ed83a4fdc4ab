-- Issue 13: a pupil's place on the letter ladder remembers the date of the run that set it and where the pupil stood
-- before that run, so a second run for the same date steps from the same place (a school whose standard letter may
-- be sent "twice in succession" must not count a re-run of one day as a further run).
ALTER TABLE letter_ladder
    ADD COLUMN stepped_on             DATE        NULL,
    ADD COLUMN before_current_level   VARCHAR(40) NULL,
    ADD COLUMN before_last_sent_level VARCHAR(40) NULL,
    ADD COLUMN before_same_level_run  INT         NOT NULL DEFAULT 0,
    ADD COLUMN before_crossings       INT         NOT NULL DEFAULT 0;
