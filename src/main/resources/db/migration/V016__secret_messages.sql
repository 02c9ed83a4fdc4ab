-- Secrets are never stored in clear (issue 11). A message that carries one (a parent's one-time code) keeps in `body`
-- only the redacted wording staff may see; the wording as sent is in `sealed_body`, AES-GCM under SECRETS_KEY (a
-- setting, never in the database), until `secret_expires_at`, after which the dispatcher wipes it.
ALTER TABLE outbox_message
    ADD COLUMN sealed_body       TEXT      NULL,
    ADD COLUMN secret_expires_at TIMESTAMP NULL,
    ADD KEY ix_outbox_secret_expiry (secret_expires_at);

-- Codes written before this change were kept in clear: they have expired (10 minutes), and their text goes.
UPDATE outbox_message SET body = 'A one-time sign-in code (removed)' WHERE purpose = 'ONE_TIME_CODE';
UPDATE stored_message SET body = 'A one-time sign-in code (removed)' WHERE purpose = 'ONE_TIME_CODE';

-- Webhook signing secrets are sealed too, which makes them longer; clear ones left from before are sealed at start-up.
ALTER TABLE webhook_subscription MODIFY secret VARCHAR(255) NOT NULL;
