package uk.openattendance.letters.domain;

/** Where a letter is on its way to a family: drafted, approved by staff, and then sent by email or printed for post. */
public enum LetterStatus {
    /** Written by the ladder or a decision, waiting for a member of staff to read it. */
    DRAFT,
    APPROVED,
    /** Emailed to the family. */
    SENT,
    /** Printed for posting. */
    PRINTED,
    /** A trigger the school's exceptions say not to write about; kept so the trigger is not drafted again. */
    SUPPRESSED,
    DISCARDED
}
