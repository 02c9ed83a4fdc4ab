-- Per-pupil tallies for each academic year (1 August to 31 July), maintained beside the weekly ones, so year-to-date
-- figures for a whole trust read one row per pupil. Backfilled from the weekly tallies (a week belongs to the year
-- its Monday falls in; schools are closed across 1 August).
CREATE TABLE attendance_year (
    school_id         BIGINT  NOT NULL,
    pupil_id          BIGINT  NOT NULL,
    academic_year     CHAR(7) NOT NULL,
    sessions          INT     NOT NULL,
    possible          INT     NOT NULL,
    present           INT     NOT NULL,
    approved_activity INT     NOT NULL,
    authorised        INT     NOT NULL,
    unauthorised      INT     NOT NULL,
    late_l            INT     NOT NULL,
    late_u            INT     NOT NULL,
    minutes_late      INT     NOT NULL,
    penalty_sessions  INT     NOT NULL,
    PRIMARY KEY (school_id, pupil_id, academic_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO attendance_year
SELECT school_id, pupil_id,
       CONCAT(YEAR(week_start) - IF(MONTH(week_start) < 8, 1, 0), '/', LPAD(MOD(YEAR(week_start) - IF(MONTH(week_start) < 8, 1, 0) + 1, 100), 2, '0')),
       SUM(sessions), SUM(possible), SUM(present), SUM(approved_activity), SUM(authorised), SUM(unauthorised), SUM(late_l), SUM(late_u),
       SUM(minutes_late), SUM(penalty_sessions)
FROM attendance_week
GROUP BY school_id, pupil_id, YEAR(week_start) - IF(MONTH(week_start) < 8, 1, 0);
