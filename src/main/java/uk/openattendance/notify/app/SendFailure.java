package uk.openattendance.notify.app;

/**
 * A send the provider did not accept. Transient failures (5xx, 429, a dropped connection) are retried with backoff;
 * permanent ones (an invalid or opted-out number, a rejected address) move on to the next contact or channel.
 */
public class SendFailure extends Exception {
    private final boolean transientFailure;
    private final boolean optedOut;

    public SendFailure(String message, boolean transientFailure, boolean optedOut, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.optedOut = optedOut;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean optedOut() {
        return optedOut;
    }
}
