package uk.openattendance.absence.domain;

/**
 * Where a family's absence report stands, as the family sees it: received, recorded on the register as what they said,
 * or waiting for evidence. {@code reference} is what the family quotes to the office ("A" and the report's id).
 */
public record FamilyReportStatus(String reference, Status status, String words) {
    public enum Status {
        RECEIVED,
        RECORDED,
        NEEDS_EVIDENCE
    }

    /**
     * Illness this long calls for evidence: "If a child is reported absent from school for illness on five consecutive
     * days or more, on the fifth day the school will ask for evidence be provided in order to support the absence"
     * (seeds/003), and "An absence of more than 5 days may require the parent/carer to provide further medical
     * evidence" (seeds/001).
     */
    public static final int ILLNESS_DAYS_NEEDING_EVIDENCE = 5;

    public static String reference(long reportId) {
        return "A" + reportId;
    }

    /**
     * @param marksExplained sessions whose current mark carries the report's suggested code (the register agrees with it)
     * @param schoolDays school days the report covers
     */
    public static FamilyReportStatus of(long reportId, ReportCategory category, int marksExplained, boolean evidenceToFollow, int schoolDays) {
        String ref = reference(reportId);
        String recorded = null;
        if (marksExplained > 0) {
            String as = switch (category) {
                case ILLNESS -> "illness";
                case MEDICAL_APPOINTMENT -> "a medical or dental appointment";
                case RELIGIOUS_OBSERVANCE -> "religious observance";
                case LATE_ARRIVAL, OTHER -> "you told us";
            };
            recorded = "Recorded as " + as + " (" + marksExplained + (marksExplained == 1 ? " session)" : " sessions)");
        }
        if (evidenceToFollow) {
            return new FamilyReportStatus(ref, Status.NEEDS_EVIDENCE, (recorded == null ? "Received" : recorded)
                    + "; the school is waiting for the evidence you mentioned");
        }
        if (category == ReportCategory.ILLNESS && schoolDays >= ILLNESS_DAYS_NEEDING_EVIDENCE) {
            return new FamilyReportStatus(ref, Status.NEEDS_EVIDENCE, (recorded == null ? "Received" : recorded) + "; for an illness of "
                    + ILLNESS_DAYS_NEEDING_EVIDENCE + " school days or more the school needs evidence, such as an appointment card or a prescription");
        }
        return recorded == null ? new FamilyReportStatus(ref, Status.RECEIVED, "Received by the school office")
                : new FamilyReportStatus(ref, Status.RECORDED, recorded);
    }
}
