package uk.openattendance.security;

import uk.openattendance.platform.problem.ProblemCode;

public enum SecurityProblem implements ProblemCode {
    PERMISSION_DENIED(403, "Your role does not allow this"),
    EMAIL_TAKEN(409, "A staff account already uses this email"),
    UNKNOWN_SCOPE(400, "Unknown scope");

    private final int status;
    private final String title;

    SecurityProblem(int status, String title) {
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
