package uk.openattendance.absence.domain.reply;

/**
 * The school's own settings for reading replies. {@code selfCertificationSchoolDays}: the longest absence a parent may
 * explain without evidence (from the school's evidence rules); a longer stated absence codes only today and goes to a
 * person. {@code confidenceToApply}: a child's reading below this confidence is not applied without a person. The
 * model's guess alone (at most 0.6) and a lexicon the model contradicts (0.75) sit below the standard 0.8, and
 * {@link ApplyGate} refuses them whatever a school sets here.
 */
public record ReaderSettings(int selfCertificationSchoolDays, double confidenceToApply) {
    public static ReaderSettings standard() {
        return new ReaderSettings(5, 0.8);
    }
}
