-- A contact's postal address, so a letter can be posted to a parent who has no email (or who asks for post).
-- All optional; when given, line 1, town and a UK postcode together (the service checks that, not the schema).
ALTER TABLE contact
    ADD COLUMN address_line1 VARCHAR(100) NULL,
    ADD COLUMN address_line2 VARCHAR(100) NULL,
    ADD COLUMN address_line3 VARCHAR(100) NULL,
    ADD COLUMN town          VARCHAR(60)  NULL,
    ADD COLUMN postcode      VARCHAR(8)   NULL;
