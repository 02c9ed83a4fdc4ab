package uk.openattendance.roll.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum RollProblem implements ProblemCode {
    UPN_TAKEN(409, "A pupil with this UPN is already on the roll"),
    PUPIL_NOT_VALID(400, "These pupil details are not valid"),
    CONTACT_NOT_VALID(400, "These contact details are not valid"),
    IMPORT_REJECTED(400, "The file was not imported; nothing was changed"),
    ALREADY_DELETED(409, "This pupil has already left the roll"),
    STALE_VERSION(409, "Someone else changed this pupil first; reload and try again");

    private final int status;
    private final String title;

    RollProblem(int status, String title) {
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
