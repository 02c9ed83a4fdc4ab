package uk.openattendance.absence.domain.reply;

/**
 * A child the sender of a reply is a contact for, as the reader needs them: both the legal and the preferred forename
 * (parents use either, and misspell both), the sex the roll records as the DfE census does (so "the boys", "she" can be
 * resolved), and whether the child is marked N this morning (or was named in the text we sent). A child who is not
 * {@code markedAbsent} never gets an absence code from a reply.
 */
public record RollChild(long pupilId, String legalForename, String preferredForename, Sex sex, boolean markedAbsent) {
    /** DfE census sex: M or F; UNKNOWN when the roll does not hold it (then no pronoun or "the boys" binds to this child). */
    public enum Sex { MALE, FEMALE, UNKNOWN }

    public String calledName() {
        return preferredForename != null && !preferredForename.isBlank() ? preferredForename : legalForename;
    }
}
