package uk.openattendance.register.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a code may be given to this pupil for this session; a code in force on the date can still not apply to the
 * pupil. Each rule cites its source; the answer is the reason a person can act on, or empty when the code applies.
 *
 * <ul>
 *   <li>X: "non-compulsory school age pupil not required to attend" (2024 regs, reg. 10; ATTENDANCE-CODES.md), so only
 *       before or after {@link CompulsorySchoolAge}. X takes the session out of the possible sessions, so an X given
 *       to a Year 7 pupil would hide an absence from every figure.
 *   <li>C2: "temporary part-time timetable (compulsory school age)": only while of compulsory school age.
 *   <li>Leave of absence the school grants on a parent's application made in advance (reg. 11), never
 *       retrospectively: C, C1, C2, J1 and S only where approved leave with that code covers the session. M is not
 *       among them: schools record an appointment from its evidence on the day ("with evidence of a medical/dental
 *       appointment they will be marked 'M'", seeds/001).
 *   <li>Z: a prospective pupil not yet on the admission register, never a pupil on roll.
 *   <li>#: a planned whole or partial closure, which the school's calendar records; a register cannot say so alone.
 * </ul>
 */
public final class CodeEligibility {
    private CodeEligibility() {}

    /** The pupil a code is for: a name for the reason, and the date of birth compulsory school age follows from. */
    public record Pupil(String name, LocalDate dateOfBirth) {}

    /**
     * @param approvedLeaveCode the code the school already granted for this pupil's session (approved leave, or a
     *     report it accepted), or null when none does
     */
    public static Optional<String> whyNot(AttendanceCode given, Pupil pupil, LocalDate date, String approvedLeaveCode) {
        String code = given.code();
        if (code.equals("Z")) {
            return Optional.of("a code for a pupil on roll (Z is for prospective pupils not yet admitted)");
        }
        if (code.equals("#")) {
            return Optional.of("a code for this pupil's session (# is for a planned closure: record it in the school's calendar, which closes the "
                    + "session for the register)");
        }
        if (code.equals("X") || code.equals("C2")) {
            Optional<String> age = ageRule(code, pupil, date);
            if (age.isPresent()) {
                return age;
            }
        }
        if (CodeSet.NEEDS_ADVANCE_LEAVE.contains(given) && !code.equals(approvedLeaveCode)) {
            return Optional.of("a code " + pupil.name() + " can have on " + date + ": " + code + " is leave of absence the school approves in advance "
                    + "(2024 regs, reg. 11), and no approved leave or accepted report with " + code + " covers this session"
                    + (approvedLeaveCode == null ? "" : " (the approved leave is " + approvedLeaveCode + ")") + "; record a leave request and its decision (or the family's report, for leave granted on the day) first");
        }
        return Optional.empty();
    }

    private static Optional<String> ageRule(String code, Pupil pupil, LocalDate date) {
        if (pupil.dateOfBirth() == null) {
            return Optional.of("a code " + pupil.name() + " can have: " + code + " depends on compulsory school age, and the pupil has no date of birth on roll");
        }
        CompulsorySchoolAge csa = CompulsorySchoolAge.of(pupil.dateOfBirth());
        boolean compulsory = csa.on(date);
        if (code.equals("X") && compulsory) {
            return Optional.of("a code " + pupil.name() + " can have on " + date + ": X is only for a pupil below or above compulsory school age, and "
                    + pupil.name() + " (born " + pupil.dateOfBirth() + ") is of compulsory school age from " + csa.from() + " to " + csa.to());
        }
        if (code.equals("C2") && !compulsory) {
            return Optional.of("a code " + pupil.name() + " can have on " + date + ": C2 is a part-time timetable for a pupil of compulsory school age, and "
                    + pupil.name() + " (born " + pupil.dateOfBirth() + ") is not (compulsory school age " + csa.from() + " to " + csa.to() + "); use X");
        }
        return Optional.empty();
    }
}
