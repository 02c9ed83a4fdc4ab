package uk.openattendance.absence.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum AbsenceProblem implements ProblemCode {
    REPORT_NOT_VALID(400, "This absence report cannot be recorded"),
    SUGGESTION_NOT_VALID(400, "This suggestion cannot be accepted");

    private final int status;
    private final String title;

    AbsenceProblem(int status, String title) {
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
