package uk.openattendance.platform.problem;

/** Refusals shared by every feature. */
public enum CommonProblem implements ProblemCode {
    VALIDATION_FAILED(400, "The request is not valid"),
    MALFORMED_REQUEST(400, "The request body could not be read"),
    NOT_AUTHENTICATED(401, "Sign in first"),
    FORBIDDEN(403, "You do not have access to this"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    CONFLICT(409, "The record changed or already exists"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key was used for a different request"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INTERNAL(500, "Something went wrong on our side");

    private final int status;
    private final String title;

    CommonProblem(int status, String title) {
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

    /** Not found is also the answer for another school's ids, so a guessed id reveals nothing. */
    public static DomainProblem notFound(String what, Object id) {
        return new DomainProblem(NOT_FOUND, what + " " + id + " was not found");
    }
}
