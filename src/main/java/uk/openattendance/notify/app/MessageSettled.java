package uk.openattendance.notify.app;

import java.util.List;

/**
 * A message's final outcome, published inside the transaction that records it: {@code SENT} when the provider (Twilio,
 * or the SMTP server) accepted it, {@code FAILED} when it will not reach this recipient. {@code nextTried} says whether
 * the plan moved on to another contact or channel. Other features (letters, webhooks) react to it without notify
 * knowing them.
 */
public record MessageSettled(long schoolId, long messageId, Outcome outcome, String channel, String purpose, List<Long> pupilIds, String attachmentRef,
        String error, boolean nextTried) {

    public enum Outcome {
        SENT,
        FAILED
    }
}
