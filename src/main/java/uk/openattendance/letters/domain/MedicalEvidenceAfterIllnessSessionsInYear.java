package uk.openattendance.letters.domain;

import java.util.List;

/**
 * seeds/003, 5 and 6: "If absences reach 12 sessions (6 days) absences in an academic year, then our attendance officer
 * will attempt to make contact ... Following either successful or unsuccessful attempts to provide, support then a
 * Portsmouth City Council Medical 2 letter (appendix 2) is sent by the school asking parents/carers for medical evidence
 * to support these absences". Once per school year, whatever letters the term's rule (Medical 1) has already sent: the
 * second letter is the policy's next step, not an alternative to the first.
 */
public record MedicalEvidenceAfterIllnessSessionsInYear(int sessions) implements LetterTrigger {

    @Override
    public List<WantedLetter> evaluate(PupilAttendanceSnapshot s) {
        long inYear = s.illness().sessionsInYear();
        if (inYear < sessions) {
            return List.of();
        }
        return List.of(new WantedLetter(s.pupilId(), LetterKind.MEDICAL_EVIDENCE, null, "MEDICAL_YEAR:" + s.academicYear(),
                new LetterFacts.Illness(inYear, "this school year"), false));
    }
}
