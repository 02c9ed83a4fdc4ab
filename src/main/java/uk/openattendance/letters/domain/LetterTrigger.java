package uk.openattendance.letters.domain;

import java.util.List;

/**
 * One rule of a school's letter policy, judged over a pupil's snapshot: the letters it asks for as of the snapshot's
 * date. Each rule is named after what the policy says and cites it; {@link LetterTriggers#of} lists a school's rules.
 * Whether a letter was already written about, is covered by another of the same run or by an exception, is decided
 * once for all rules in {@link LetterTriggers#decide}.
 */
public sealed interface LetterTrigger permits LadderTrigger, MedicalEvidenceAfterIllnessSessionsInTerm, MedicalEvidenceAfterIllnessSessionsInYear,
        EvidenceOnFifthConsecutiveIllnessDay, PunctualityAfterUnauthorisedLates, PenaltyWarningAfterTenUnauthorisedSessions {

    List<WantedLetter> evaluate(PupilAttendanceSnapshot s);
}
