package uk.openattendance.absence.domain.reply;

/**
 * The school's own settings for reading replies. {@code selfCertificationSchoolDays}: the longest absence a parent may
 * explain without evidence (from the school's evidence rules); a longer stated absence codes only today and goes to a
 * person. {@code confidenceToApply}: a child's reading below this confidence is not applied without a person.
 */
public record ReaderSettings(int selfCertificationSchoolDays, double confidenceToApply) {
    public static ReaderSettings standard() {
        return new ReaderSettings(5, 0.8);
    }
}
