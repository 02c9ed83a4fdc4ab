package uk.openattendance.parent.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum ParentProblem implements ProblemCode {
    SIGN_IN_NOT_VALID(400, "Give the mobile number or email address the school holds for you"),
    CODE_NOT_VALID(401, "That code is not right, has expired or was already used"),
    TOO_MANY_CODES(429, "Too many codes asked for; wait an hour or call the school office"),
    NOT_YOUR_CHILD(404, "Not one of your children at this school");

    private final int status;
    private final String title;

    ParentProblem(int status, String title) {
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
