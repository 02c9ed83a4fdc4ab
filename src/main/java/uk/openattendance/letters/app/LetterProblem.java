package uk.openattendance.letters.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum LetterProblem implements ProblemCode {
    TEMPLATE_NOT_VALID(400, "This letter template cannot be saved"),
    LETTER_NOT_VALID(400, "This letter cannot be changed so"),
    NOT_FOUND(404, "No such letter at this school"),
    CHANGED(409, "This letter has been changed or has moved on"),
    NOTHING_TO_PRINT(409, "No printed copies are waiting to be printed");

    private final int status;
    private final String title;

    LetterProblem(int status, String title) {
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
