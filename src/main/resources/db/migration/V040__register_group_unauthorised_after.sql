-- Issue 15: a register group's U time is the time after which a late arrival is U, as policies word it ("children
-- arriving after 9:15am will be marked as an unauthorised absence"), no longer the first minute of U. The stored times
-- keep their values: every preset's U time was the time its policy names.
ALTER TABLE register_group
    CHANGE COLUMN am_unauthorised_from am_unauthorised_after TIME NOT NULL,
    CHANGE COLUMN pm_unauthorised_from pm_unauthorised_after TIME NOT NULL;

-- The Portsmouth preset (seeds/003: "Registers open at 8:45am and close at 9:00am"; arrivals "after 9am" are told
-- they were late) had pupils late from 8:45. Groups still holding exactly that preset's old times get its
-- corrected ones: late only after the register closes. A group whose times a school changed is left as it is.
UPDATE register_group
SET am_late_after = '09:00:00', pm_late_after = '13:15:00', version = version + 1
WHERE am_opens_at = '08:45:00' AND am_late_after = '08:45:00' AND am_closes_at = '09:00:00' AND am_unauthorised_after = '09:15:00'
  AND pm_opens_at = '13:00:00' AND pm_late_after = '13:00:00' AND pm_closes_at = '13:15:00' AND pm_unauthorised_after = '13:30:00';
