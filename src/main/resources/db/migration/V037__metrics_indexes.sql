-- The first-day gauge on /prometheus reads this morning's first-text jobs of every school by kind and due time every
-- 15 s (issue 14, item 7); without this index each read scans every job ever planned. (The inbound texts waiting for
-- review are found through ix_inbound_sms_status, and failed jobs through ix_scheduled_job_due.)
CREATE INDEX ix_scheduled_job_kind_due ON scheduled_job (kind, due_at);
