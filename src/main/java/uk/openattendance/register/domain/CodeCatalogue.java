package uk.openattendance.register.domain;

import static uk.openattendance.register.domain.CodeCategory.ADMINISTRATIVE;
import static uk.openattendance.register.domain.CodeCategory.APPROVED_EDUCATIONAL_ACTIVITY;
import static uk.openattendance.register.domain.CodeCategory.AUTHORISED_ABSENCE;
import static uk.openattendance.register.domain.CodeCategory.NOT_COUNTED;
import static uk.openattendance.register.domain.CodeCategory.PRESENT;
import static uk.openattendance.register.domain.CodeCategory.UNABLE_TO_ATTEND;
import static uk.openattendance.register.domain.CodeCategory.UNAUTHORISED_ABSENCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register codes of the School Attendance (Pupil Registration) (England) Regulations 2024, regulation 10, in force
 * from 19 August 2024, and the codes they replaced. This is the only place a code's meaning lives: figures, the
 * penalty-notice monitor and register validation all ask the catalogue.
 */
public final class CodeCatalogue {
    /** The day the 2024 regulations' codes came into force. */
    public static final LocalDate CODES_2024 = LocalDate.of(2024, 8, 19);
    private static final LocalDate BEFORE = CODES_2024.minusDays(1);
    /** Older marks than any school keeps (6 years) still need a meaning; the pre-2024 set applies from here. */
    private static final LocalDate LONG_AGO = LocalDate.of(2006, 9, 1);

    private static final java.util.Set<String> NEW_IN_2024 = java.util.Set.of("C1", "J1", "C2", "K", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "X", "C", "B");
    private static final Map<String, String> RETIRED_TO_CURRENT = Map.of("H", "C", "F", "C", "J", "J1", "Y", "Y7");
    private static final List<AttendanceCode> ALL = build();

    private CodeCatalogue() {}

    public static List<AttendanceCode> all() {
        return ALL;
    }

    /** The code's meaning on a date, or empty when the code was not in force then. */
    public static Optional<AttendanceCode> on(String code, LocalDate date) {
        return ALL.stream().filter(c -> c.code().equals(code) && c.inForceOn(date)).findFirst();
    }

    /** A code as the 2024 regulations define it, for the codes a rule gives itself (/, \\, L, U), whatever the date. */
    public static AttendanceCode current(String code) {
        return ALL.stream().filter(c -> c.code().equals(code) && c.effectiveTo() == null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no code " + code + " in force"));
    }

    public static List<AttendanceCode> inForceOn(LocalDate date) {
        return ALL.stream().filter(c -> c.inForceOn(date)).toList();
    }

    /**
     * Legacy imports: a mark dated before 19 August 2024 keeps its old code and meaning. A retired code dated on or after
     * it (an old MIS still writing H or J) is mapped as the DfE's table says; H and F become C because the school
     * authorised them, and such marks are flagged for review.
     */
    public static Optional<String> legacyMapping(String oldCode, LocalDate date) {
        if (date.isBefore(CODES_2024)) {
            return on(oldCode, date).map(AttendanceCode::code);
        }
        if (on(oldCode, date).isPresent()) {
            return Optional.of(oldCode);
        }
        return Optional.ofNullable(RETIRED_TO_CURRENT.get(oldCode));
    }

    /**
     * Regulation 11's leave: granted on a parent's application in advance, or (M) recorded from the appointment's
     * evidence on the day ("with evidence of a medical/dental appointment they will be marked 'M'", seeds/001).
     */
    private enum Leave {
        NO,
        ON_THE_DAY,
        IN_ADVANCE
    }

    private static List<AttendanceCode> build() {
        List<AttendanceCode> c = new ArrayList<>();
        // code, meaning, category, possible, attendance, penalty, leave of absence (reg. 11)
        now(c, "/", "Present (morning)", PRESENT, true, true, false, Leave.NO);
        now(c, "\\", "Present (afternoon)", PRESENT, true, true, false, Leave.NO);
        now(c, "L", "Late: arrived after the register began but before it closed", PRESENT, true, true, false, Leave.NO);
        now(c, "K", "Attending education provision arranged by the local authority", APPROVED_EDUCATIONAL_ACTIVITY, true, true, false, Leave.NO);
        now(c, "V", "Educational visit or trip organised and supervised by the school", APPROVED_EDUCATIONAL_ACTIVITY, true, true, false, Leave.NO);
        now(c, "P", "Approved sporting activity", APPROVED_EDUCATIONAL_ACTIVITY, true, true, false, Leave.NO);
        now(c, "W", "Work experience", APPROVED_EDUCATIONAL_ACTIVITY, true, true, false, Leave.NO);
        now(c, "B", "Other approved, supervised educational activity off site (not remote learning)", APPROVED_EDUCATIONAL_ACTIVITY, true, true, false, Leave.NO);
        now(c, "D", "Dual registered: attending the other school", NOT_COUNTED, false, false, false, Leave.NO);
        now(c, "C1", "Leave: regulated performance or regulated employment abroad", AUTHORISED_ABSENCE, true, false, false, Leave.IN_ADVANCE);
        now(c, "M", "Leave: medical or dental appointment", AUTHORISED_ABSENCE, true, false, false, Leave.ON_THE_DAY);
        now(c, "J1", "Leave: interview", AUTHORISED_ABSENCE, true, false, false, Leave.IN_ADVANCE);
        now(c, "S", "Leave: study leave for a public examination", AUTHORISED_ABSENCE, true, false, false, Leave.IN_ADVANCE);
        now(c, "X", "Non-compulsory school age pupil not required to attend", ADMINISTRATIVE, false, false, false, Leave.NO);
        now(c, "C2", "Leave: temporary part-time timetable", AUTHORISED_ABSENCE, true, false, false, Leave.IN_ADVANCE);
        now(c, "C", "Leave: exceptional circumstances (granted in advance)", AUTHORISED_ABSENCE, true, false, false, Leave.IN_ADVANCE);
        now(c, "T", "Parent travelling for occupational purposes", AUTHORISED_ABSENCE, true, false, false, Leave.NO);
        now(c, "R", "Religious observance", AUTHORISED_ABSENCE, true, false, false, Leave.NO);
        now(c, "I", "Illness (physical or mental health), not appointments", AUTHORISED_ABSENCE, true, false, false, Leave.NO);
        now(c, "E", "Suspended or permanently excluded, no alternative provision", AUTHORISED_ABSENCE, true, false, false, Leave.NO);
        // ATTENDANCE-CODES.md marks Q's possible-session status 'to be confirmed'; read as not possible, like the Y codes.
        now(c, "Q", "Unable to attend: the local authority failed to make access arrangements", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "Y1", "Unable to attend: transport not provided", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "Y2", "Unable to attend: widespread travel disruption", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "Y3", "Unable to attend: part of the premises closed", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "Y4", "Unable to attend: whole school closed unexpectedly", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "Y5", "Unable to attend: criminal justice detention", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "Y6", "Unable to attend: public health guidance or law", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "Y7", "Unable to attend: any other unavoidable cause", UNABLE_TO_ATTEND, false, false, false, Leave.NO);
        now(c, "G", "Holiday not granted by the school", UNAUTHORISED_ABSENCE, true, false, true, Leave.NO);
        now(c, "N", "Reason not yet established", UNAUTHORISED_ABSENCE, true, false, true, Leave.NO);
        now(c, "O", "Absent in other or unknown circumstances", UNAUTHORISED_ABSENCE, true, false, true, Leave.NO);
        now(c, "U", "Arrived after the register closed", UNAUTHORISED_ABSENCE, true, false, true, Leave.NO);
        now(c, "Z", "Prospective pupil not yet on the admission register", ADMINISTRATIVE, false, false, false, Leave.NO);
        now(c, "#", "Planned whole or partial school closure", ADMINISTRATIVE, false, false, false, Leave.NO);

        // Before 19 August 2024: the codes that did not change keep one entry (above, from LONG_AGO); these differed.
        old(c, "H", "Authorised family holiday (retired)", AUTHORISED_ABSENCE, true, false, "C or G");
        old(c, "F", "Agreed extended family holiday (retired)", AUTHORISED_ABSENCE, true, false, "C or G");
        old(c, "J", "Interview (retired; counted as approved educational activity)", APPROVED_EDUCATIONAL_ACTIVITY, true, true, "J1");
        old(c, "Y", "Unable to attend due to exceptional circumstances (retired)", UNABLE_TO_ATTEND, false, false, "Y1-Y7 or Q");
        old(c, "X", "Not required to attend, including part-time (old wider meaning)", ADMINISTRATIVE, false, false, "X or C2");
        old(c, "C", "Other authorised circumstances (old wider meaning)", AUTHORISED_ABSENCE, true, false, "C, C1 or C2");
        old(c, "B", "Educated off site (old wider meaning)", APPROVED_EDUCATIONAL_ACTIVITY, true, true, "K or B");
        return List.copyOf(c);
    }

    private static void now(List<AttendanceCode> c, String code, String meaning, CodeCategory cat, boolean possible, boolean attendance,
            boolean penalty, Leave leave) {
        LocalDate from = NEW_IN_2024.contains(code) ? CODES_2024 : LONG_AGO;
        c.add(new AttendanceCode(code, meaning, cat, possible, attendance, penalty, leave != Leave.NO, leave == Leave.IN_ADVANCE, from, null, null));
    }

    private static void old(List<AttendanceCode> c, String code, String meaning, CodeCategory cat, boolean possible, boolean attendance,
            String replacedBy) {
        c.add(new AttendanceCode(code, meaning, cat, possible, attendance, false, false, false, LONG_AGO, BEFORE, replacedBy));
    }
}
