package uk.openattendance.followup.domain;

import uk.openattendance.register.domain.CodeSet;

/**
 * A family told their child was absent must hear when the child turns out to be in school. When a morning N that a
 * first-day text was about becomes a mark that says the child is here (present, late before or after the register
 * closed), the family who got the text is sent a short correction.
 */
public final class Correction {
    private Correction() {}

    public static boolean due(String oldCode, String newCode, String session) {
        return Unexplained.NOT_YET_PROVIDED.equals(oldCode) && CodeSet.IN_SCHOOL.codes().contains(newCode) && "AM".equals(session);
    }
}
