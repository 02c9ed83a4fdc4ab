-- What an instance keeps in memory of a school's settings (zone, calendar, register groups, policy) is used only
-- while this row's stamp is the one it read with them: every change of those settings writes a new stamp in the
-- change's own transaction, and readers compare it on each lookup, so a change made through one replica is seen at
-- the next lookup on every other (issue 14). Keyed by the school like every other table.
CREATE TABLE cache_version (
    scope    VARCHAR(16) NOT NULL,
    scope_id BIGINT      NOT NULL,
    stamp    BIGINT      NOT NULL,
    PRIMARY KEY (scope, scope_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
