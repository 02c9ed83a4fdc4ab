-- A reply is read child by child: one text can code some children at once and still wait for a person about the rest.
-- actioned: something was recorded at once; urgent: a reason that must reach a person first (a child the family says
-- is in school while the register says N, words that suggest a child is at risk) sorts the text to the top of the queue;
-- reasons and suggestions: JSON written by the service (each reason's label and sentence; per child the suggested code,
-- its dates, how far it was applied and who accepted the rest), read back only by it.
ALTER TABLE inbound_sms
    ADD COLUMN actioned    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN urgent      BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN reasons     TEXT    NULL,
    ADD COLUMN suggestions TEXT    NULL;
UPDATE inbound_sms SET actioned = TRUE WHERE status = 'ACTIONED';
