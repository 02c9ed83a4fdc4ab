package uk.openattendance.notify.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum NotifyProblem implements ProblemCode {
    TEMPLATE_NOT_VALID(400, "The message wording cannot be used"),
    ADDRESS_NOT_VALID(400, "Not a mobile number or email address we can message"),
    WEBHOOK_NOT_SIGNED(403, "The request does not carry a valid Twilio signature"),
    WEBHOOK_NOT_VALID(400, "The webhook is missing what Twilio always sends"),
    RESOLUTION_NOT_VALID(400, "Say what the office did with this text");

    private final int status;
    private final String title;

    NotifyProblem(int status, String title) {
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
