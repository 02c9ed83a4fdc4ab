package uk.openattendance.absence.domain;

/**
 * What a family says the absence is, and the code the office would normally give it (ATTENDANCE-CODES.md). Only the
 * school decides a code; a suggested code is recorded as the school's decision when the report is accepted, and the
 * office can amend it. "Other" and a late arrival suggest no code: the N stays for the office, but the child is known about.
 */
public enum ReportCategory {
    ILLNESS("I"),
    MEDICAL_APPOINTMENT("M"),
    RELIGIOUS_OBSERVANCE("R"),
    LATE_ARRIVAL(null),
    OTHER(null);

    private final String suggestedCode;

    ReportCategory(String suggestedCode) {
        this.suggestedCode = suggestedCode;
    }

    public String suggestedCode() {
        return suggestedCode;
    }
}
