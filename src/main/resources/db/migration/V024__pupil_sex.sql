-- The roll records sex as the DfE school census does (M or F), so a parent's "the boys", "she" or "the girls" can be
-- bound to the right children when a reply is read. Nullable: a school may not have sent it, and then no pronoun binds.
ALTER TABLE pupil ADD COLUMN sex CHAR(1) NULL AFTER date_of_birth,
    ADD CONSTRAINT ck_pupil_sex CHECK (sex IS NULL OR sex IN ('M', 'F'));
