-- Issue 17 item 5: what a family last heard of where a report or request stands, so each change is told to them once.
-- A row is written when the item is made: by the acknowledgement a signed-in parent gets, or by the reply that already
-- answered their text (which is why a report made from a text is not acknowledged a second time). A report with no row
-- is still being made, and marks written during its making are not separate news.
CREATE TABLE family_status_told (
    item_kind  VARCHAR(8)  NOT NULL,   -- ABSENCE, LEAVE
    item_id    BIGINT      NOT NULL,
    school_id  BIGINT      NOT NULL,
    status     VARCHAR(20) NOT NULL,   -- the family status last told: RECEIVED, RECORDED, NEEDS_EVIDENCE, APPROVED, ...
    told_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (item_kind, item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Items made before this table start from "received": a later change is told, nothing already past is repeated now.
INSERT INTO family_status_told (item_kind, item_id, school_id, status, told_at)
SELECT 'ABSENCE', id, school_id, 'RECEIVED', recorded_at FROM absence_report;
