package uk.openattendance.school.domain;

import java.math.BigDecimal;

/**
 * How far a parent's text reply may explain an absence without a person. {@code selfCertificationSchoolDays}: the
 * longest stated absence (in school days) a parent may explain without evidence, from the school's evidence rules; a
 * longer one is coded for today only and goes to the office. {@code confidenceToApply}: a child's reading below this
 * confidence (0 to 1) is never applied without a person.
 */
public record ReplyRules(int selfCertificationSchoolDays, BigDecimal confidenceToApply) {
    public static final BigDecimal STANDARD_CONFIDENCE = new BigDecimal("0.80");

    public ReplyRules {
        if (confidenceToApply == null) {
            confidenceToApply = STANDARD_CONFIDENCE;
        }
    }

    /** A school week: most policies ask for evidence of an illness that lasts longer than that. */
    public static ReplyRules standard() {
        return new ReplyRules(5, STANDARD_CONFIDENCE);
    }
}
