-- Registers. `mark` holds each pupil's current mark per session; `mark_history` is the append-only legal record of
-- every entry and change, hash-chained per pupil (pupil_chain_head holds each chain's latest link, so removing the
-- newest entries is detected too). `attendance_week` keeps per-pupil weekly tallies beside the marks, maintained on
-- every write, so figures over a year read ~40 rows per pupil instead of ~380.
CREATE TABLE mark (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id         BIGINT       NOT NULL,
    pupil_id          BIGINT       NOT NULL,
    register_group_id BIGINT       NOT NULL,
    mark_date         DATE         NOT NULL,
    session           CHAR(2)      NOT NULL,
    code              VARCHAR(3)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    minutes_late      INT          NOT NULL DEFAULT 0,
    arrived_at        TIME         NULL,
    source            VARCHAR(16)  NOT NULL,
    version           INT          NOT NULL,
    recorded_by       VARCHAR(200) NOT NULL,
    recorded_at       TIMESTAMP    NOT NULL,
    CONSTRAINT uq_mark UNIQUE (pupil_id, mark_date, session),
    CONSTRAINT fk_mark_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    INDEX ix_mark_school_day (school_id, mark_date, session, code),
    INDEX ix_mark_school_code (school_id, code, mark_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE mark_history (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id        BIGINT       NOT NULL,
    pupil_id         BIGINT       NOT NULL,
    seq              BIGINT       NOT NULL,
    mark_date        DATE         NOT NULL,
    session          CHAR(2)      NOT NULL,
    old_code         VARCHAR(3)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    new_code         VARCHAR(3)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    old_minutes_late INT          NOT NULL,
    new_minutes_late INT          NOT NULL,
    reason           VARCHAR(500) NULL,
    changed_by       VARCHAR(200) NOT NULL,
    changed_at       TIMESTAMP    NOT NULL,
    prev_hash        CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL,
    CONSTRAINT uq_mark_history_seq UNIQUE (pupil_id, seq),
    INDEX ix_mark_history_school (school_id, pupil_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE pupil_chain_head (
    pupil_id  BIGINT   PRIMARY KEY,
    school_id BIGINT   NOT NULL,
    seq       BIGINT   NOT NULL,
    hash      CHAR(64) NOT NULL,
    INDEX ix_chain_head_school (school_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE attendance_week (
    pupil_id          BIGINT NOT NULL,
    week_start        DATE   NOT NULL,
    school_id         BIGINT NOT NULL,
    sessions          INT    NOT NULL,
    possible          INT    NOT NULL,
    present           INT    NOT NULL,
    approved_activity INT    NOT NULL,
    authorised        INT    NOT NULL,
    unauthorised      INT    NOT NULL,
    late_l            INT    NOT NULL,
    late_u            INT    NOT NULL,
    minutes_late      INT    NOT NULL,
    penalty_sessions  INT    NOT NULL,
    -- clustered by school then pupil: a school's (or a trust's) figures are one sequential read, grouped without sorting
    PRIMARY KEY (school_id, pupil_id, week_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
