-- The gauges on /prometheus read these every 15 s across every school (issue 14, item 7): this morning's first-text
-- jobs by kind and due time, and the inbound texts waiting for review. Without these each read scans the whole table.
CREATE INDEX ix_scheduled_job_kind_due ON scheduled_job (kind, due_at);
CREATE INDEX ix_inbound_sms_review ON inbound_sms (status, urgent, received_at);
