package uk.openattendance.register.app;

import java.time.LocalDate;
import java.util.List;

/**
 * The seam through which an explanation already on file (a family's absence report) reaches an N the moment it is
 * written: the writer asks, in the same transaction, and turns each explained N into the explanation's code as an
 * amendment by the system. Features that hold such explanations provide a bean of this type; register knows none of them.
 */
public interface PendingExplanations {
    /** An N just written for a pupil's session. */
    record Written(long pupilId, LocalDate date, String session) {}

    /** What explains it: the code the N becomes, the reason kept beside the amendment, and who the history names. */
    record Explanation(long pupilId, LocalDate date, String session, String code, String reason, String by) {}

    /** At most one explanation per written N of this school; Ns nothing explains are left out. */
    List<Explanation> explaining(long schoolId, List<Written> ns);
}
