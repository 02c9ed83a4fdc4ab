package uk.openattendance.letters.domain;

/**
 * What a letter is about. Attendance letters take the level's key as their template kind (ATTENDANCE_BELOW_95,
 * ATTENDANCE_RED...), so each rung of a school's ladder can have its own wording.
 */
public enum LetterKind {
    ATTENDANCE,
    MEDICAL_EVIDENCE,
    PUNCTUALITY,
    PENALTY_WARNING,
    LEAVE_DECISION,
    IMPROVEMENT_MEETING,
    START_OF_YEAR
}
