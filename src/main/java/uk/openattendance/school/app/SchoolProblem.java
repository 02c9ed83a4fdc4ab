package uk.openattendance.school.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum SchoolProblem implements ProblemCode {
    URN_TAKEN(409, "A school with this URN already exists"),
    UNKNOWN_PRESET(400, "Unknown policy preset"),
    TIMINGS_NOT_ALLOWED(400, "These register times are not allowed"),
    POLICY_NOT_VALID(400, "This policy setting is not valid"),
    CALENDAR_NOT_VALID(400, "This calendar entry is not valid"),
    STALE_VERSION(409, "Someone else changed this first; reload and try again");

    private final int status;
    private final String title;

    SchoolProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
