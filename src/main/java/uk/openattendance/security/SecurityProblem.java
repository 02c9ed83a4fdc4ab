package uk.openattendance.security;

import uk.openattendance.platform.problem.ProblemCode;

public enum SecurityProblem implements ProblemCode {
    PERMISSION_DENIED(403, "Your role does not allow this"),
    EMAIL_TAKEN(409, "A staff account already uses this email"),
    UNKNOWN_SCOPE(400, "Unknown scope"),
    SIGN_IN_FAILED(401, "The email or password is not right"),
    TOO_MANY_SIGN_INS(429, "Too many sign-in attempts; wait and try again"),
    CANNOT_REMOVE_SELF(409, "You cannot remove your own account"),
    PASSWORD_LINK_NOT_VALID(400, "This password link is not valid");

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
