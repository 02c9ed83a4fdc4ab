package uk.openattendance.platform.problem;

/** A refusal that lifts by itself: answered with a Retry-After header saying how many seconds to wait. */
public class RetryLater extends DomainProblem {
    private final long retryAfterSeconds;

    public RetryLater(ProblemCode code, String detail, long retryAfterSeconds) {
        super(code, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
