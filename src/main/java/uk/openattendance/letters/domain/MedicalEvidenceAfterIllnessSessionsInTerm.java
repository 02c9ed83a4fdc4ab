package uk.openattendance.letters.domain;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * seeds/003, 4: "After 8 sessions, in any one term of illness, the class teacher is made aware and a Portsmouth City
 * Council (PCC) Medical 1 letter (appendix 1) will be sent to parents/carers requesting where possible that evidence
 * for absences is provided to school." Once per term, from the run at which the term's count reaches {@code sessions}.
 */
public record MedicalEvidenceAfterIllnessSessionsInTerm(int sessions) implements LetterTrigger {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Override
    public List<WantedLetter> evaluate(PupilAttendanceSnapshot s) {
        long inTerm = s.illness().sessionsInTerm();
        if (inTerm < sessions) {
            return List.of();
        }
        return List.of(new WantedLetter(s.pupilId(), LetterKind.MEDICAL_EVIDENCE, null, "MEDICAL_TERM:" + s.academicYear() + ":" + s.term().name(),
                new LetterFacts.Illness(inTerm, "this term (since " + LONG_DATE.format(s.term().window().from()) + ")"), false));
    }
}
