package uk.openattendance.leave.domain;

/**
 * The grounds on which a school may grant leave of absence (regulation 11 of the 2024 regulations), plus the two
 * authorised absences a family asks for in the same way, each with the code approved sessions are recorded with.
 */
public enum LeaveGround {
    EXCEPTIONAL_CIRCUMSTANCES("C"),
    PERFORMANCE_OR_EMPLOYMENT_ABROAD("C1"),
    INTERVIEW("J1"),
    STUDY_LEAVE("S"),
    PART_TIME_TIMETABLE("C2"),
    RELIGIOUS_OBSERVANCE("R"),
    PARENT_TRAVELLING_FOR_WORK("T");

    private final String code;

    LeaveGround(String code) {
        this.code = code;
    }

    /** The register code approved sessions are pre-coded with. */
    public String code() {
        return code;
    }
}
