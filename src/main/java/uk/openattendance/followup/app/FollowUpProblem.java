package uk.openattendance.followup.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum FollowUpProblem implements ProblemCode {
    CALL_NOT_VALID(400, "This call cannot be logged"),
    CASE_CHANGED(409, "This case was closed or changed since you loaded it");

    private final int status;
    private final String title;

    FollowUpProblem(int status, String title) {
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
