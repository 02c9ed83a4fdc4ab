package uk.openattendance.statutory.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum StatutoryProblem implements ProblemCode {
    NOT_VALID(400, "This cannot be recorded as given"),
    PENALTY_CAP_REACHED(409, "The framework allows no further penalty notice to this parent for this child yet"),
    ALREADY_RECORDED(409, "This return has already been recorded as made");

    private final int status;
    private final String title;

    StatutoryProblem(int status, String title) {
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
