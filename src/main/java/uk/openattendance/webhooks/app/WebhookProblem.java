package uk.openattendance.webhooks.app;

import uk.openattendance.platform.problem.ProblemCode;

public enum WebhookProblem implements ProblemCode {
    SUBSCRIPTION_NOT_VALID(400, "This webhook subscription cannot be saved"),
    NOT_FOUND(404, "No such webhook subscription at this school");

    private final int status;
    private final String title;

    WebhookProblem(int status, String title) {
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
