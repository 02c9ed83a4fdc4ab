package uk.openattendance.absence.domain;

/**
 * Where a family's absence report stands, as the family sees it: received, or recorded on the register as what they
 * said, and whether the school is still waiting for the evidence they said would follow.
 */
public record FamilyReportStatus(Status status, String words) {
    public enum Status {
        RECEIVED,
        RECORDED,
        AWAITING_EVIDENCE
    }

    /**
     * @param marksExplained sessions whose current mark carries the report's suggested code (the register agrees with it)
     */
    public static FamilyReportStatus of(ReportCategory category, int marksExplained, boolean evidenceToFollow) {
        if (marksExplained > 0) {
            String as = switch (category) {
                case ILLNESS -> "illness";
                case MEDICAL_APPOINTMENT -> "a medical or dental appointment";
                case RELIGIOUS_OBSERVANCE -> "religious observance";
                case LATE_ARRIVAL, OTHER -> "you told us";
            };
            String recorded = "Recorded as " + as + " (" + marksExplained + (marksExplained == 1 ? " session)" : " sessions)");
            return evidenceToFollow ? new FamilyReportStatus(Status.AWAITING_EVIDENCE, recorded + "; the school is waiting for the evidence you mentioned")
                    : new FamilyReportStatus(Status.RECORDED, recorded);
        }
        return evidenceToFollow ? new FamilyReportStatus(Status.AWAITING_EVIDENCE, "Received; the school is waiting for the evidence you mentioned")
                : new FamilyReportStatus(Status.RECEIVED, "Received by the school office");
    }
}
