package uk.openattendance.followup.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is still absent without explanation this morning. Policy 004: "'N' codes are used to indicate that the pupil is
 * absent for a reason not yet provided"; a child whose morning mark is no longer N (arrived, or coded from a report),
 * or whom a report covers, has been explained. Every step of the chain asks again, so a child who has since arrived or
 * been reported drops out.
 */
public final class Unexplained {
    private Unexplained() {}

    public static final String NOT_YET_PROVIDED = "N";

    /** Of {@code pupilIds} (order kept), those whose current morning mark is N and whom no report explains. */
    public static List<Long> still(Collection<Long> pupilIds, Map<Long, String> morningMark, Set<Long> explainedByReport) {
        return pupilIds.stream().filter(id -> NOT_YET_PROVIDED.equals(morningMark.get(id)) && !explainedByReport.contains(id)).toList();
    }
}
