-- A school's (or a trust's shared) SMS sender: an E.164 number or a Twilio Messaging Service SID. Outgoing texts go
-- from it, and an inbound text's To names the school or trust it is for, so one sender belongs to one school or trust
-- (the app also refuses a school's sender that is a trust's, and the other way round).
ALTER TABLE school ADD COLUMN sms_sender VARCHAR(34) NULL, ADD CONSTRAINT uq_school_sms_sender UNIQUE (sms_sender);
ALTER TABLE trust ADD COLUMN sms_sender VARCHAR(34) NULL, ADD CONSTRAINT uq_trust_sms_sender UNIQUE (sms_sender);

-- A text to a trust's shared number from an unknown sender waits in the trust's queue.
ALTER TABLE inbound_sms ADD COLUMN trust_id BIGINT NULL, ADD KEY ix_inbound_sms_trust (trust_id, status, id);
