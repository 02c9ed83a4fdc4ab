package uk.openattendance.notify.app;

import java.util.Set;

/**
 * A last look before a message leaves: the feature that caused it re-reads what it knows now (a late sign-in, a report
 * that has just arrived) and keeps, rewrites or cancels the message. Features provide beans of this type.
 */
public interface SendGuard {
    Set<String> purposes();

    Verdict check(Pending message);

    /** A batch at once (the dispatcher claims in batches); a guard that can answer many with one read overrides this. */
    default java.util.Map<Long, Verdict> checkAll(java.util.List<Pending> messages) {
        java.util.Map<Long, Verdict> out = new java.util.HashMap<>();
        messages.forEach(m -> out.put(m.id(), check(m)));
        return out;
    }

    /**
     * The message about to leave, as the feature that queued it described it; {@code contactId} (0 for staff) lets a
     * rewrite keep the contact's language.
     */
    record Pending(long id, long schoolId, String purpose, java.util.List<Long> pupilIds, java.time.LocalDate aboutDate, String body, long contactId) {}

    record Verdict(boolean send, String newBody, String why) {
        public static Verdict keep() {
            return new Verdict(true, null, null);
        }

        public static Verdict rewrite(String body, String why) {
            return new Verdict(true, body, why);
        }

        public static Verdict cancel(String why) {
            return new Verdict(false, null, why);
        }
    }
}
