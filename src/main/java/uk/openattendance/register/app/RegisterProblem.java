package uk.openattendance.register.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum RegisterProblem implements ProblemCode {
    REGISTER_NOT_VALID(400, "These marks cannot be recorded"),
    AMENDMENT_NEEDS_REASON(400, "A change to a mark already taken needs a reason"),
    CODE_DOES_NOT_APPLY(422, "This code does not apply to this pupil for this session"),
    NOT_A_SCHOOL_DAY(422, "No register is taken on this day"),
    SESSION_CLOSED(422, "This session is closed for this group"),
    REGISTER_NOT_OPEN_YET(422, "This register has not opened yet"),
    STALE_MARK(409, "Someone changed this mark first; reload the register and try again"),
    SAVED_AT_THE_SAME_MOMENT(409, "Someone was saving the same pupils' marks at the same moment; nothing was saved, send it again"),
    NOT_PERMITTED_BY_POLICY(422, "The school's policy does not allow this"),
    SEAL_NOT_VALID(422, "This is not a ledger seal the service issued for this school, exactly as issued");

    private final int status;
    private final String title;

    RegisterProblem(int status, String title) {
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
