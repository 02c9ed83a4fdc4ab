package uk.openattendance.leave.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum LeaveProblem implements ProblemCode {
    REQUEST_NOT_VALID(400, "This leave request cannot be recorded"),
    DECISION_NOT_VALID(400, "This decision cannot be recorded"),
    ALREADY_DECIDED(409, "This leave request has already been decided or changed"),
    NOT_FOUND(404, "No such leave request at this school"),
    DOCUMENT_NOT_ACCEPTED(415, "This file cannot be attached"),
    DOCUMENT_TOO_LARGE(413, "This file is too large to attach");

    private final int status;
    private final String title;

    LeaveProblem(int status, String title) {
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
