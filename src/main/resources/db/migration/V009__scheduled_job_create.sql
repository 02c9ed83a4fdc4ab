-- Durable per-school jobs: at most one per school, kind, date and session. Any number of instances claim due jobs
-- with SKIP LOCKED and a lease; a job whose moment has passed when the service comes back is skipped with its reason.
CREATE TABLE scheduled_job (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id   BIGINT        NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    run_date    DATE          NOT NULL,
    session     VARCHAR(2)    NOT NULL DEFAULT '',
    due_at      TIMESTAMP     NOT NULL,
    latest_at   TIMESTAMP     NOT NULL,   -- after this the job no longer makes sense
    status      VARCHAR(10)   NOT NULL,   -- DUE, RUNNING, DONE, FAILED, SKIPPED
    attempts    INT           NOT NULL DEFAULT 0,
    lease_owner VARCHAR(64)   NULL,
    lease_until TIMESTAMP     NULL,
    outcome     VARCHAR(1000) NULL,
    finished_at TIMESTAMP     NULL,
    CONSTRAINT uq_scheduled_job UNIQUE (school_id, kind, run_date, session),
    KEY ix_scheduled_job_due (status, due_at),
    CONSTRAINT fk_scheduled_job_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
