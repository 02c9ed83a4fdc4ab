package uk.openattendance.register.domain;

import java.util.Map;
import java.util.Optional;

/**
 * What a register code means, in words a parent understands without knowing the codes. The catalogue's meanings are the
 * law's wording for office staff ("Reason not yet established"); these say what it means for the family and whether it
 * counts against the child ("authorised" or not). One entry per code, retired ones too: a parent can look back at a mark
 * recorded before August 2024, and a code whose meaning widened or narrowed then (B, C, X) is worded to fit both.
 */
public final class MarkWords {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("/", "Present (morning)"),
            Map.entry("\\", "Present (afternoon)"),
            Map.entry("L", "Late, but arrived before the register closed (counts as present)"),
            Map.entry("K", "At education the local authority arranged (counts as present)"),
            Map.entry("V", "On a school trip or visit (counts as present)"),
            Map.entry("P", "At an approved sporting activity (counts as present)"),
            Map.entry("W", "On work experience (counts as present)"),
            Map.entry("B", "Learning off site, supervised by the school (counts as present)"),
            Map.entry("D", "At their other school (dual registered)"),
            Map.entry("C1", "Absent: leave for a licensed performance or employment (authorised)"),
            Map.entry("M", "Absent: medical or dental appointment (authorised)"),
            Map.entry("J1", "Absent: at an interview (authorised)"),
            Map.entry("S", "Absent: study leave for an exam (authorised)"),
            Map.entry("X", "Not required to be in school this session"),
            Map.entry("C2", "Not in school: part-time timetable agreed with the school (authorised)"),
            Map.entry("C", "Absent: leave the school granted (authorised)"),
            Map.entry("T", "Absent: travelling with a parent for their work (authorised)"),
            Map.entry("R", "Absent: religious observance (authorised)"),
            Map.entry("I", "Absent: illness (authorised)"),
            Map.entry("E", "Absent: suspended or excluded (authorised)"),
            Map.entry("Q", "Unable to attend: the local authority's arrangements were not in place"),
            Map.entry("Y1", "Unable to attend: transport was not provided"),
            Map.entry("Y2", "Unable to attend: widespread travel disruption"),
            Map.entry("Y3", "Unable to attend: part of the school was closed"),
            Map.entry("Y4", "Unable to attend: the school closed unexpectedly"),
            Map.entry("Y5", "Unable to attend: in custody"),
            Map.entry("Y6", "Unable to attend: public health guidance or law"),
            Map.entry("Y7", "Unable to attend: another unavoidable reason"),
            Map.entry("G", "Absent: holiday the school did not agree (unauthorised)"),
            Map.entry("N", "Absent: the school does not have a reason yet (please tell the school)"),
            Map.entry("O", "Absent: no reason accepted (unauthorised)"),
            Map.entry("U", "Late, after the register closed (counts as an unauthorised absence)"),
            Map.entry("Z", "Not yet on the school's roll"),
            Map.entry("#", "School closed (planned)"),
            // retired in August 2024, kept for marks recorded before then
            Map.entry("H", "Absent: family holiday the school agreed (authorised)"),
            Map.entry("F", "Absent: extended family holiday the school agreed (authorised)"),
            Map.entry("J", "At an interview (counted as present then)"),
            Map.entry("Y", "Unable to attend: exceptional circumstances"));

    private MarkWords() {}

    /** The words for a code, or empty when there are none (a code the catalogue does not know). */
    public static Optional<String> of(String code) {
        return Optional.ofNullable(code == null ? null : WORDS.get(code));
    }

    /** Never shows a bare code to a parent: an unknown one is worded as something to ask the school about. */
    public static String forParent(String code) {
        return of(code).orElse("A mark the school office can explain");
    }
}
