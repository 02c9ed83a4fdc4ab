package uk.openattendance.letters.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.openattendance.school.domain.LetterLevel;

/** What a letter states, typed by the rule that asked for it; the application turns it into the template's merge fields. */
public sealed interface LetterFacts {

    /** An attendance letter: the level written about, whether it is the same level treated as the next, and the figures. */
    record Attendance(LetterLevel level, boolean escalated, WindowFigures window) implements LetterFacts {}

    /** A punctuality letter: the term's figures, with its late arrivals after the register closed. */
    record Punctuality(WindowFigures window) implements LetterFacts {}

    /** A request for medical evidence: the illness sessions counted and over what ("this school year"). */
    record Illness(long sessions, String window) implements LetterFacts {}

    /** The penalty-notice warning: unauthorised sessions in the framework's rolling window. */
    record UnauthorisedAbsence(int sessions, LocalDate from, LocalDate to) implements LetterFacts {}

    /** Letters drafted outside a run (leave decisions, meeting records, start of year) bring their own merge fields. */
    record Supplied(Map<String, Object> fields) implements LetterFacts {
        public Supplied {
            // leave letters carry nulls for the parts that do not apply (no note, no approved part); order kept for the stored JSON
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
