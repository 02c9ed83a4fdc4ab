-- One inbound text gives at most one absence report per child: the backstop behind the inbound row's lock, so a
-- redelivered or re-swept text can never file a second report (other channels leave inbound_sms_id NULL, which the
-- key allows any number of times). Twilio's MessageSid is already unique (uq_inbound_sms_provider, V008).
-- Duplicates the old three-transaction handling may have left are removed first, keeping the earliest report.
DELETE a FROM absence_report a JOIN absence_report b
    ON a.inbound_sms_id = b.inbound_sms_id AND a.pupil_id = b.pupil_id AND a.id > b.id;
ALTER TABLE absence_report ADD CONSTRAINT uq_absence_report_inbound_sms UNIQUE (inbound_sms_id, pupil_id);

-- The sweeper looks for texts left RECEIVED by an instance that died while processing them.
CREATE INDEX ix_inbound_sms_status ON inbound_sms (status, received_at);
