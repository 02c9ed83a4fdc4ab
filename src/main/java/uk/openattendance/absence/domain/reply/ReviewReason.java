package uk.openattendance.absence.domain.reply;

/**
 * Why a reply is put in front of a person. The label is the one the reply corpora use; {@code urgent} reasons go to the
 * top of the office's queue (a child the family believes is in school but the register says is not is a safeguarding
 * signal, as is anything that suggests a child is at risk).
 */
public enum ReviewReason {
    SAFEGUARDING("safeguarding", true, "words that may mean a child is at risk"),
    SAID_IN_SCHOOL("said-in-school", true, "the family says a child is in school, but the register says N"),
    PRESENT_CHILD_NAMED("present-child-named", false, "a child named in the reply is not marked absent today"),
    PARTIAL("partial", false, "the reply does not explain every child marked absent today"),
    UNSPECIFIED_APPOINTMENT("unspecified-appointment", false, "an appointment of no stated kind"),
    OVER_SELF_CERT_LIMIT("over-self-cert-limit", false, "a stated absence longer than the school's self-certification limit: today is coded, the rest needs evidence"),
    HOLIDAY("holiday", false, "a holiday in term time: leave is the headteacher's decision"),
    BEREAVEMENT("bereavement", false, "a bereavement: the office replies in person and decides the code"),
    QUESTION("question", false, "a question for the office"),
    OTHER_LANGUAGE("other-language", false, "written in a language other than English"),
    UNCLEAR("unclear", false, "a reason or a child the reader cannot place with confidence"),
    UNKNOWN_SENDER("unknown-sender", false, "the number is not a contact of any child on roll");

    private final String label;
    private final boolean urgent;
    private final String why;

    ReviewReason(String label, boolean urgent, String why) {
        this.label = label;
        this.urgent = urgent;
        this.why = why;
    }

    public String label() {
        return label;
    }

    public boolean urgent() {
        return urgent;
    }

    public String why() {
        return why;
    }

    public static ReviewReason ofLabel(String label) {
        for (ReviewReason r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no review reason " + label);
    }
}
