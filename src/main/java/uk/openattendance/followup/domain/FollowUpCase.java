package uk.openattendance.followup.domain;

import java.util.Comparator;

/**
 * A child on the office's call list for a day. Open while the office is still calling ({@code CALL}) or the designated
 * lead has been told ({@code ESCALATED}); closed once the child is known to be {@code SAFE} or the absence was
 * {@code EXPLAINED}.
 */
public record FollowUpCase(long id, long pupilId, FollowUpStatus status) {
    public boolean open() {
        return status.open();
    }

    /** As {@link FollowUpStatus#open()}, for views that carry the status by name. */
    public static boolean isOpen(String status) {
        return FollowUpStatus.valueOf(status).open();
    }

    /**
     * How the call list reads: children still to be called first, vulnerable children first among them (policy 000:
     * "these families will be contacted first"), then by name.
     */
    public static <T> Comparator<T> callOrder(java.util.function.Function<T, String> status, java.util.function.Predicate<T> vulnerable,
            java.util.function.Function<T, String> name) {
        return Comparator.comparing((T e) -> !isOpen(status.apply(e))).thenComparing(e -> !vulnerable.test(e)).thenComparing(name);
    }
}
