package uk.openattendance.notify.app;

import java.time.Duration;

/**
 * A send the provider did not confirm. What the dispatcher may do next depends on whether the message can have left:
 * <ul>
 * <li>{@link Kind#NOT_SENT}: it never reached the provider (connection refused or not made, a 429 without a time):
 * sent again with backoff;</li>
 * <li>{@link Kind#RETRY_AFTER}: the provider refused it for now and said when to come back (429 or 503 with Retry-After);</li>
 * <li>{@link Kind#UNKNOWN}: the request was written but no answer came (a timeout or dropped connection afterwards, a
 * 500 the provider may have produced after accepting): the provider is asked before it is ever sent again;</li>
 * <li>{@link Kind#PERMANENT} and {@link Kind#OPTED_OUT}: it will never be accepted; the next contact or channel is tried.</li>
 * </ul>
 */
public class SendFailure extends Exception {
    public enum Kind { NOT_SENT, RETRY_AFTER, UNKNOWN, PERMANENT, OPTED_OUT }

    private final Kind kind;
    private final Duration retryAfter;

    public SendFailure(String message, boolean transientFailure, boolean optedOut, Throwable cause) {
        this(message, optedOut ? Kind.OPTED_OUT : transientFailure ? Kind.NOT_SENT : Kind.PERMANENT, null, cause);
    }

    public SendFailure(String message, Kind kind, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static SendFailure unknown(String message, Throwable cause) {
        return new SendFailure(message, Kind.UNKNOWN, null, cause);
    }

    public static SendFailure retryAfter(String message, Duration after, Throwable cause) {
        return new SendFailure(message, Kind.RETRY_AFTER, after, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** Certainly not accepted, and worth trying again. */
    public boolean isTransient() {
        return kind == Kind.NOT_SENT || kind == Kind.RETRY_AFTER;
    }

    /** It may have been accepted: never send again without asking the provider. */
    public boolean outcomeUnknown() {
        return kind == Kind.UNKNOWN;
    }

    /** When the provider asked us to come back; null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean optedOut() {
        return kind == Kind.OPTED_OUT;
    }
}
