package uk.openattendance.leave.domain;

/**
 * Where a family's leave request stands, as the family sees it: received (waiting for the headteacher), approved (all or
 * part), refused with the headteacher's note, or withdrawn. {@code reference} is "L" and the request's id.
 */
public record FamilyLeaveStatus(String reference, Status status, String words, String note) {
    public enum Status {
        RECEIVED,
        NEEDS_EVIDENCE,
        APPROVED,
        PART_APPROVED,
        REFUSED,
        WITHDRAWN
    }

    public static String reference(long requestId) {
        return "L" + requestId;
    }

    /**
     * @param requestStatus the request's own state
     * @param documents supporting documents attached so far
     */
    public static FamilyLeaveStatus of(long requestId, LeaveRequestStatus requestStatus, LeaveGround ground, String note, int documents) {
        String ref = reference(requestId);
        String n = note == null || note.isBlank() ? null : note.strip();
        return switch (requestStatus) {
            case APPROVED -> new FamilyLeaveStatus(ref, Status.APPROVED, "Approved by the headteacher" + (n == null ? "" : ": " + n), n);
            case PART_APPROVED -> new FamilyLeaveStatus(ref, Status.PART_APPROVED, "Part approved by the headteacher: " + n, n);
            case REFUSED -> new FamilyLeaveStatus(ref, Status.REFUSED, "Refused by the headteacher: " + n, n);
            case WITHDRAWN -> new FamilyLeaveStatus(ref, Status.WITHDRAWN, "Withdrawn", n);
            // a performance abroad is granted "provided that clear evidence is issued of the approved nature of this
            // activity" (seeds/000): until a document is attached the headteacher has nothing to decide on
            case REQUESTED -> ground == LeaveGround.PERFORMANCE_OR_EMPLOYMENT_ABROAD && documents == 0
                    ? new FamilyLeaveStatus(ref, Status.NEEDS_EVIDENCE, "Received; the headteacher needs the performance licence or other evidence "
                            + "before deciding", null)
                    : new FamilyLeaveStatus(ref, Status.RECEIVED, "Received; waiting for the headteacher's decision", null);
        };
    }
}
